/**
 * What the admin builder (0.x) needs before it shows the page: admin/navigation.json valid for the
 * redesigned Admin (admin@4.x), routes whose components exist in react/, and every text id in
 * messages/. The navigation rules are those vtex/admin-contributions README.md publishes as the
 * builder's validation schema ("admin@4.x navigation.json validation schema").
 */
import { existsSync, readdirSync, readFileSync } from 'fs'
import { join } from 'path'
import Ajv from 'ajv'

const ROOT = join(__dirname, '..', '..')
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))

const ADMIN_4_SECTIONS = ['gettingStarted', 'main', 'orders', 'marketplace', 'products', 'promotions', 'storeFront', 'shipping', 'storeSettings', 'apps']
const text = { type: ['string', 'null'] }
/** admin@4.x: a default sub-section link (path + titleId), a custom sub-section, or a place in an existing one. */
const navigationEntry = {
  type: 'object',
  required: ['section', 'adminVersion'],
  additionalProperties: false,
  dependencies: { subSection: ['subSectionItems'], subSectionItems: ['subSection'], path: ['titleId'] },
  anyOf: [
    { required: ['titleId', 'subSection', 'subSectionItems'] },
    { required: ['subSection', 'subSectionItems'], propertyNames: { not: { enum: ['titleId', 'path'] } } },
    { required: ['path', 'titleId'], propertyNames: { not: { enum: ['subSection', 'subSectionItems'] } } },
  ],
  properties: {
    section: { type: 'string', enum: ADMIN_4_SECTIONS },
    adminVersion: { type: 'number', enum: [4] },
    subSection: text,
    titleId: text,
    path: text,
    id: text,
    LMProductId: text,
    subSectionItems: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', additionalProperties: false, required: ['path', 'labelId'], properties: { path: { type: 'string' }, labelId: { type: 'string' }, id: text, external: { type: 'boolean' } } },
    },
  },
}

const navigation: Array<Record<string, unknown>> = read('admin/navigation.json')
const routes: Record<string, { component: string; path: string }> = read('admin/routes.json')
const messages = Object.fromEntries(['en', 'pt', 'es'].map((locale) => [locale, read(`messages/${locale}.json`) as Record<string, string>]))

describe('admin builder', () => {
  it('the manifest declares the admin builder and vtex.styleguide', () => {
    const manifest = read('manifest.json')
    expect(manifest.builders.admin).toBe('0.x')
    expect(manifest.dependencies['vtex.styleguide']).toBe('9.x')
  })

  it('navigation.json is valid for admin@4.x, in a section that exists (there is no "marketing")', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(navigationEntry)
    for (const entry of navigation) expect([entry, validate(entry) ? [] : validate.errors]).toEqual([entry, []])
    expect(navigation.map((entry) => entry.section)).toEqual(['promotions'])
  })

  it('each navigation path is a route path without its /app segment', () => {
    const routePaths = Object.values(routes).map((route) => route.path.replace(/^\/admin\/app\//, '/admin/'))
    for (const entry of navigation) expect(routePaths).toContain(entry.path)
  })

  it('routes are admin.app.* with a default-exported component at the root of react/', () => {
    for (const [name, route] of Object.entries(routes)) {
      expect(name).toMatch(/^admin\.app\./)
      expect(route.path).toMatch(/^\/admin\/app\//)
      const file = ['tsx', 'ts', 'js'].map((ext) => join(ROOT, 'react', `${route.component}.${ext}`)).find(existsSync)
      expect([route.component, file && /export \{ default \}|export default/.test(readFileSync(file, 'utf8'))]).toEqual([route.component, true])
    }
  })

  it('every admin text id the page and the navigation use exists in en, pt and es', () => {
    const dir = join(ROOT, 'react', 'admin')
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.tsx'))
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n')
    const literal = [...sources.matchAll(/\bt\('([a-zA-Z0-9.-]+)'/g)].map((match) => `admin/ads-events.${match[1]}`)
    const families = {
      'destination.': ['vtexAds', 'impact', 'openai'],
      'status.': ['sent', 'skipped', 'dead', 'failed', 'pending'],
      'tab.': ['health', 'coverage', 'deliveries', 'actions'],
      'reason.': ['consent-refused', 'no-user-id', 'no-identity', 'no-attribution-key', 'no-sale-items', 'canceled-before-send', 'other'],
      'coverage.id.': ['sessionId', 'userId', 'impactClickId', 'oppref'],
      'coverage.sales.': ['sessionId', 'noStorefrontSession', 'consentRefused'],
      'preview.label.': ['ready', 'skipped', 'invalid'],
      'preview.status.': ['ready', 'skipped', 'invalid'],
      'backfill.status.': ['queued', 'running', 'done', 'failed'],
      'trend.window.': ['LAST_24_HOURS', 'LAST_7_DAYS', 'LAST_30_DAYS'],
    }
    const dynamic = Object.entries(families).flatMap(([prefix, names]) => names.map((name) => `admin/ads-events.${prefix}${name}`))
    const ids = [...new Set([...literal, ...dynamic, ...navigation.map((entry) => String(entry.titleId))])]
    expect(literal.length).toBeGreaterThan(50)
    for (const [locale, texts] of Object.entries(messages)) expect([locale, ids.filter((id) => !(id in texts))]).toEqual([locale, []])
  })

  it("the failure banner's settings link is this app's Apps > App Settings page (manifest.json's vendor, name and major)", () => {
    const manifest = read('manifest.json')
    const source = readFileSync(join(ROOT, 'react', 'admin', 'appSettings.ts'), 'utf8')
    const major = String(manifest.version).split('.')[0]
    expect(source).toContain(`'/admin/apps/${manifest.vendor}.${manifest.name}@${major}.x/setup'`)
  })
})
