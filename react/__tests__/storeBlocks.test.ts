/**
 * What the store builder and the Site Editor get from the app: interfaces.json names components
 * without hard-coding the vendor, each block carries its editor schema as a static `schema` with
 * message ids every locale has, and class names come from vtex.css-handles only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'

const ROOT = join(__dirname, '..', '..')
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))
const interfaces: Record<string, { component: string; content?: unknown }> = readJson('store/interfaces.json')
const LOCALES = ['en', 'pt', 'es']

/** Every string under `title` or `description`, at any depth. */
const textsOf = (schema: unknown): string[] => {
  if (!schema || typeof schema !== 'object') return []
  return Object.entries(schema as Record<string, unknown>).flatMap(([key, value]) =>
    (key === 'title' || key === 'description') && typeof value === 'string' ? [value] : textsOf(value)
  )
}

const blockComponent = (name: string) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(ROOT, 'react', name)).default as { schema?: { title?: string; properties?: Record<string, unknown> } }
}

it('interfaces.json hard-codes no vendor: no content $ref, and no contentSchemas.json left behind', () => {
  expect(JSON.stringify(interfaces)).not.toMatch(/\$ref|app:/)
  expect(Object.values(interfaces).filter((entry) => entry.content !== undefined)).toEqual([])
  expect(existsSync(join(ROOT, 'store', 'contentSchemas.json'))).toBe(false)
})

it('every interface names a root-level component of react/', () => {
  for (const [name, entry] of Object.entries(interfaces)) expect([name, existsSync(join(ROOT, 'react', `${entry.component}.tsx`))]).toEqual([name, true])
})

/** Blocks the Site Editor has nothing to edit in: the pixel, and ad-tracker (its props are the ad's URLs, from data). */
const WITHOUT_EDITOR_PROPS = ['pixel.ads-events', 'ad-tracker']

it('each block with editor props has a static editor schema whose texts are admin/editor message ids in every locale', () => {
  const blocks = Object.entries(interfaces).filter(([name]) => !WITHOUT_EDITOR_PROPS.includes(name))
  expect(blocks.length).toBe(5)
  for (const [name, { component }] of blocks) {
    const schema = blockComponent(component).schema
    expect([name, typeof schema?.title]).toEqual([name, 'string'])
    const texts = textsOf(schema)
    expect(texts.filter((text) => !text.startsWith('admin/editor.ads-events.'))).toEqual([])
    for (const locale of LOCALES) {
      const messages = readJson(`messages/${locale}.json`)
      expect([name, locale, texts.filter((id) => typeof messages[id] !== 'string')]).toEqual([name, locale, []])
    }
  }
  // The props the blocks read are the ones the editor offers.
  expect(Object.keys(blockComponent('SponsoredBanner').schema?.properties || {})).toEqual(
    expect.arrayContaining(['placementName', 'position', 'desktopWidth', 'desktopHeight', 'mobileWidth', 'mobileHeight', 'allowVideo'])
  )
})

const SPONSORED_BLOCKS = ['SponsoredProductsShelf', 'SponsoredBanner', 'SponsoredBrand', 'SponsoredSearchBadges']

it('every sponsored block can be switched off, and its placement, position and quantity set, from the Site Editor', () => {
  for (const component of SPONSORED_BLOCKS) {
    const properties = (blockComponent(component).schema?.properties || {}) as Record<string, { type?: string; default?: unknown }>
    expect([component, properties.active]).toEqual([component, expect.objectContaining({ type: 'boolean', default: true })])
    expect([component, Object.keys(properties)]).toEqual([component, expect.arrayContaining(['active', 'placementName', 'position'])])
  }
  const quantities: Record<string, string> = { SponsoredProductsShelf: 'quantity', SponsoredBrand: 'productQuantity', SponsoredSearchBadges: 'quantity' }
  for (const [component, key] of Object.entries(quantities)) expect([component, (blockComponent(component).schema?.properties as Record<string, { type?: string }>)[key]?.type]).toEqual([component, 'integer'])
})

it('the blocks that reserve space take the theme\'s fallback blocks through sponsored-fallback, which takes any block as children', () => {
  const entries = interfaces as Record<string, { allowed?: string[] | string; composition?: string }>
  for (const block of ['sponsored-products-shelf', 'sponsored-banner', 'sponsored-brand']) expect([block, entries[block].allowed]).toEqual([block, expect.arrayContaining(['sponsored-fallback'])])
  expect(entries['sponsored-fallback']).toMatchObject({ composition: 'children', allowed: '*' })
})

it('every Site Editor text has its context for translators (messages/context.json)', () => {
  const context = readJson('messages/context.json')
  const texts = Object.entries(interfaces)
    .filter(([name]) => !WITHOUT_EDITOR_PROPS.includes(name))
    .flatMap(([, { component }]) => textsOf(blockComponent(component).schema))
  expect(texts.filter((id) => typeof context[id] !== 'string')).toEqual([])
})

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === '__tests__' || name === '__mocks__' ? [] : sourceFiles(path)
    return /\.tsx$/.test(name) ? [path] : []
  })

// The admin page (react/admin/, AdsEventsAdmin.tsx) is not themed by stores: it uses VTEX
// Styleguide and vtex-tachyons utility classes, as admin apps do; css-handles are for blocks.
const isAdminPage = (file: string) => file.includes(`${join(ROOT, 'react', 'admin')}/`) || file.endsWith('AdsEventsAdmin.tsx')

it('no hard-coded class names in the store blocks: every className comes from vtex.css-handles', () => {
  const files = sourceFiles(join(ROOT, 'react')).filter((file) => !isAdminPage(file))
  expect(files.length).toBeGreaterThan(5)
  const literal = files.filter((file) => /className=(["']|\{\s*['"`])/.test(readFileSync(file, 'utf8')))
  expect(literal).toEqual([])
})
