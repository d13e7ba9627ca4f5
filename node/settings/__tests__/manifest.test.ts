import Ajv from 'ajv'
import { readFileSync } from 'fs'
import { join } from 'path'
import { normalizeSettings, SECRET_SETTING_KEYS } from '../appSettings'
import { toPublicConfig } from '../publicConfig'

const root = join(__dirname, '..', '..', '..')
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'))
const manifest = readJson('manifest.json')
const schemaProperties: Record<string, { format?: string; default?: unknown; enum?: unknown[] }> = manifest.settingsSchema.properties

describe('manifest.json', () => {
  it('is valid against @vtex/api’s own manifest schema', () => {
    const schema = readJson('node_modules/@vtex/api/gen/manifest.schema')
    const validate = new Ajv({ strict: false }).compile(schema)
    expect(validate(manifest) ? [] : validate.errors).toEqual([])
    expect(manifest.name).toBe('ads-events')
    expect(Object.keys(manifest.builders).sort()).toEqual(['admin', 'docs', 'graphql', 'messages', 'node', 'react', 'store'])
  })

  it('declares the policies the service uses', () => {
    const names = manifest.policies.map((policy: { name: string }) => policy.name)
    expect(names).toEqual(expect.arrayContaining(['OMSViewer', 'colossus-fire-event', 'colossus-write-logs', 'vbase-read-write', 'outbound-access']))
    const hosts = manifest.policies.filter((policy: { name: string }) => policy.name === 'outbound-access').map((policy: { attrs: { host: string } }) => policy.attrs.host)
    expect(hosts).toEqual(expect.arrayContaining(['events.newtail-media.newtail.com.br', 'events-api.ads.vtex.com', 'api.impact.com', 'bzr.openai.com']))
  })

  it('keeps secrets out of the storefront: no public access, secrets masked', () => {
    expect(manifest.settingsSchema.access).toBeUndefined()
    for (const key of SECRET_SETTING_KEYS) expect(schemaProperties[key].format).toBe('password')
  })

  it('normalizes exactly the settings the admin can set, with the same defaults', () => {
    const normalized = normalizeSettings({})
    expect(Object.keys(normalized).sort()).toEqual(Object.keys(schemaProperties).sort())
    for (const [key, property] of Object.entries(schemaProperties)) {
      if (property.default !== undefined) expect([key, normalized[key as keyof typeof normalized]]).toEqual([key, property.default])
    }
    expect(schemaProperties.conversionStatus.enum).toEqual(['order-created', 'payment-approved', 'ready-for-handling', 'invoiced'])
  })

  it('has an admin label for every setting in en, pt and es', () => {
    for (const locale of ['en', 'pt', 'es']) {
      const messages = readJson(`messages/${locale}.json`)
      for (const key of Object.keys(schemaProperties)) expect([locale, key, typeof messages[`admin/ads-events.settings.${key}`]]).toEqual([locale, key, 'string'])
    }
  })
})

describe('normalizeSettings', () => {
  it('falls back to safe defaults for wrong types and unknown values', () => {
    const settings = normalizeSettings({ conversionStatus: 'shipped', channel: '  ', vtexAdsEnabled: 'yes', eventsBaseUrl: 'ftp://x', publisherId: ' pub ' })
    expect(settings).toMatchObject({ conversionStatus: 'order-created', channel: 'ecommerce', vtexAdsEnabled: true, eventsBaseUrl: 'https://events.newtail-media.newtail.com.br', publisherId: 'pub' })
    expect(normalizeSettings(null).conversionStatus).toBe('order-created')
    expect(normalizeSettings({ eventsBaseUrl: 'http://127.0.0.1:9000/' }).eventsBaseUrl).toBe('http://127.0.0.1:9000')
  })
})

describe('public config for the storefront', () => {
  it('carries flags only, never an id or a secret', () => {
    const settings = normalizeSettings({ publisherId: 'pub-secret-ish', impactAuthToken: 'tok-123', openaiApiKey: 'sk-svcacct-abc' })
    const exposed = JSON.stringify(toPublicConfig(settings))
    expect(JSON.parse(exposed)).toEqual({ hasPublisher: true, vtexAdsEnabled: true, requireConsent: false })
    for (const value of ['pub-secret-ish', 'tok-123', 'sk-svcacct-abc']) expect(exposed).not.toContain(value)
  })
})

describe('builder package.json files', () => {
  const lock = readJson('package-lock.json')
  /** The builders' own toolchain versions are installed at the root under an alias (test/builders/ compiles with them). */
  const ROOT_ALIAS: Record<string, Record<string, string>> = {
    'node/package.json': { typescript: 'typescript-node-builder', '@types/node': 'types-node-builder' },
  }
  it.each(['node/package.json', 'react/package.json'])('%s pins exactly the versions the root install tests with', (path) => {
    const pkg = readJson(path)
    const pinned = { ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>
    expect(Object.keys(pinned).length).toBeGreaterThan(0)
    for (const [name, version] of Object.entries(pinned)) {
      const installedAs = ROOT_ALIAS[path]?.[name] ?? name
      expect([name, version]).toEqual([name, lock.packages[`node_modules/${installedAs}`]?.version])
    }
  })

  it('node/package.json pins the node builder 7.x toolchain (VTEX docs, "Node builder": 7.x | Node 20.x | @types/node 20.0.0 | TypeScript 5.5.3)', () => {
    expect(readJson('node/package.json').devDependencies).toEqual({ '@types/node': '20.0.0', typescript: '5.5.3' })
  })

  it('node/package.json keeps the stats-lite override @vtex/api needs (its GitHub source is unreachable)', () => {
    expect(readJson('node/package.json').overrides).toEqual({ 'stats-lite': '2.2.0' })
    expect(readJson('package.json').overrides).toEqual({ 'stats-lite': '2.2.0' })
  })
})

describe('messages', () => {
  it('en, pt, es and context.json hold the same keys, none empty', () => {
    const keys = (locale: string) => Object.keys(readJson(`messages/${locale}.json`)).sort()
    for (const locale of ['pt', 'es', 'context']) expect([locale, keys(locale)]).toEqual([locale, keys('en')])
    for (const locale of ['en', 'pt', 'es', 'context']) {
      const empty = Object.entries(readJson(`messages/${locale}.json`)).filter(([, text]) => typeof text !== 'string' || text.trim() === '')
      expect([locale, empty]).toEqual([locale, []])
    }
  })
})
