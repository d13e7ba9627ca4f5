import { placementName, validateAdQuery, type AdQuery } from '../adQuery'
import { toGetAdsBody } from '../getAdsBody'

/** What a storefront sends (ids as they were before the ads format too: hyphenated). */
const base = { sessionId: 'b1a2c3d4-0000-4000-8000-000000000001', userId: 'profile-42', channel: 'site', placements: [{ position: 'top-shelf', quantity: 4, types: ['product'] }] }
const SESSION_ID = 'b1a2c3d4000040008000000000000001'

const bodyFor = (input: Record<string, unknown>, settings = {}) => {
  const validation = validateAdQuery({ ...base, ...input })
  if (!validation.ok) throw new Error(validation.errors.join('; '))
  return toGetAdsBody(validation.query, settings)
}

describe('Get ads request for each context', () => {
  it('home: no context field, default placement name {channel}_{context}_{position}_{type}, ids in letters and digits', () => {
    expect(bodyFor({ context: 'home' })).toEqual({
      session_id: SESSION_ID,
      user_id: 'profile42',
      channel: 'site',
      context: 'home',
      placements: { 'site_home_top-shelf_product': { quantity: 4, types: ['product'] } },
    })
  })

  it('search: the term, trimmed to single spaces, and nothing of the other contexts', () => {
    const body = bodyFor({ context: 'search', term: '  running   shoes ', categoryName: 'Sports', productSku: '123', brandName: 'Acme' })
    expect(body).toMatchObject({ context: 'search', term: 'running shoes' })
    expect(body).not.toHaveProperty('category_name')
    expect(body).not.toHaveProperty('product_sku')
    expect(body).not.toHaveProperty('brand_name')
    expect(Object.keys(body.placements)).toEqual(['site_search_top-shelf_product'])
  })

  it('category: the full breadcrumb', () => {
    const body = bodyFor({ context: 'category', categoryName: 'Daily Care > Deodorant > Spray', channel: 'msite' })
    expect(body).toMatchObject({ context: 'category', channel: 'msite', category_name: 'Daily Care > Deodorant > Spray' })
    expect(body).not.toHaveProperty('term')
    expect(Object.keys(body.placements)).toEqual(['msite_category_top-shelf_product'])
  })

  it('product_page: the SKU, and the product\'s category and brand as product_attributes', () => {
    const body = bodyFor({ context: 'product_page', productSku: '55069360', productAttributes: { categoryName: ' Appliances >  Laundry ', brandName: 'Midea' } })
    expect(body).toMatchObject({ context: 'product_page', product_sku: '55069360', product_attributes: { category_name: 'Appliances > Laundry', brand_name: 'Midea' } })
    expect(bodyFor({ context: 'product_page', productSku: '1', productAttributes: { brandName: 'Midea' } }).product_attributes).toEqual({ brand_name: 'Midea' })
    expect(bodyFor({ context: 'product_page', productSku: '1', productAttributes: {} })).not.toHaveProperty('product_attributes')
  })

  it('product_attributes only on product pages', () => {
    expect(bodyFor({ context: 'home', productAttributes: { categoryName: 'Outdoor', brandName: 'TrailCo' } })).not.toHaveProperty('product_attributes')
  })

  it('brand_page: the brand name', () => {
    expect(bodyFor({ context: 'brand_page', brandName: 'Midea' })).toMatchObject({ context: 'brand_page', brand_name: 'Midea' })
  })

  it('banners and sponsored brands get a size (the device default unless asked), assets_type, the site brand and dedup_ads across placements', () => {
    const body = bodyFor(
      {
        context: 'home',
        channel: 'app',
        dedupAds: true,
        placements: [
          { name: 'app_home_middle_banner', quantity: 1, types: ['banner'], assetTypes: ['image', 'video'] },
          { name: 'app_home_top_sponsored_brand', quantity: 1, types: ['sponsored_brand'], size: '720p' },
          { position: 'shelf', quantity: 2, types: ['product'], size: 'desktop' },
        ],
      },
      { brand: 'My Store' }
    )
    expect(body.placements).toEqual({
      app_home_middle_banner: { quantity: 1, types: ['banner'], size: 'mobile', assets_type: ['image', 'video'] },
      app_home_top_sponsored_brand: { quantity: 1, types: ['sponsored_brand'], size: '720p' },
      app_home_shelf_product: { quantity: 2, types: ['product'] },
    })
    expect(body).toMatchObject({ brand: 'My Store', dedup_ads: true })
  })

  it('collections the page shows become tags product_cluster/<id>, in any context, each once', () => {
    expect(bodyFor({ context: 'search', term: 'boots', productClusterIds: ['139', '140', '139'] }).tags).toEqual(['product_cluster/139', 'product_cluster/140'])
    expect(bodyFor({ context: 'category', categoryName: 'Outdoor', productClusterIds: ['7'] }).tags).toEqual(['product_cluster/7'])
    expect(bodyFor({ context: 'home', productClusterIds: [] })).not.toHaveProperty('tags')
    expect(bodyFor({ context: 'home' })).not.toHaveProperty('tags')
  })

  it("userAgent: the browser's, as sent (whitespace tidied); one that is not plausible is left out, the ads still asked", () => {
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'
    expect(bodyFor({ context: 'home', userAgent: chrome }).userAgent).toBe(chrome)
    expect(bodyFor({ context: 'home', userAgent: 'x'.repeat(513) })).not.toHaveProperty('userAgent')
    expect(bodyFor({ context: 'home', userAgent: 'bad\u0007agent' })).not.toHaveProperty('userAgent')
    expect(bodyFor({ context: 'home', userAgent: 42 })).not.toHaveProperty('userAgent')
  })

  it('the site brand is what the caller resolved; none, no brand field', () => {
    expect(bodyFor({ context: 'home' }, { brand: 'My Store Outlet' }).brand).toBe('My Store Outlet')
    expect(bodyFor({ context: 'home' }, {})).not.toHaveProperty('brand')
  })

  it('never sends segmentation, store_id or skus: nothing the storefront can fill honestly (getAdsBody.ts says why)', () => {
    const body = bodyFor({ context: 'search', term: 'boots', segmentation: [{ key: 'STATE', values: ['SP'] }], storeId: '1', skus: ['1'] } as Record<string, unknown>)
    expect(Object.keys(body).sort()).toEqual(['channel', 'context', 'placements', 'session_id', 'term', 'user_id'])
  })

  it('dedup_ads is left out for a single placement (it only works across placements)', () => {
    expect(bodyFor({ context: 'home', dedupAds: true })).not.toHaveProperty('dedup_ads')
  })

  it('placementName follows 5.5.1', () => {
    expect(placementName('msite', 'search', 'top-vitrine', 'product')).toBe('msite_search_top-vitrine_product')
  })
})

describe('validation of what the browser sends', () => {
  const errorsOf = (input: Record<string, unknown>) => {
    const validation = validateAdQuery({ ...base, context: 'home', ...input })
    return validation.ok ? [] : validation.errors
  }

  it.each([
    ['a session id outside the pattern', { sessionId: 'abc def' }, 'sessionId'],
    ['a session id over 128 characters', { sessionId: 'a'.repeat(129) }, 'sessionId'],
    ['no session id', { sessionId: undefined }, 'sessionId'],
    ['an unknown channel', { channel: 'tv' }, 'channel'],
    ['an unknown context', { context: 'digital_signage' }, 'context'],
    ['search without a term', { context: 'search' }, 'term'],
    ['category without a breadcrumb', { context: 'category' }, 'categoryName'],
    ['product page without a SKU', { context: 'product_page' }, 'productSku'],
    ['brand page without a brand', { context: 'brand_page' }, 'brandName'],
    ['a term over 200 characters', { context: 'search', term: 'x'.repeat(201) }, 'term'],
    ['a term with a control character', { context: 'search', term: 'shoes\u0000' }, 'term'],
    ['a SKU with a slash', { context: 'product_page', productSku: '12/34' }, 'productSku'],
    ['no placements', { placements: [] }, 'placements'],
    ['eleven placements', { placements: Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, quantity: 1, types: ['product'] })) }, 'placements'],
    ['a placement name with a space', { placements: [{ name: 'home shelf', quantity: 1, types: ['product'] }] }, 'name'],
    ['a quantity of 0', { placements: [{ name: 'p', quantity: 0, types: ['product'] }] }, 'quantity'],
    ['a quantity of 21', { placements: [{ name: 'p', quantity: 21, types: ['product'] }] }, 'quantity'],
    ['an unknown ad type', { placements: [{ name: 'p', quantity: 1, types: ['popup'] }] }, 'types'],
    ['an unknown size', { placements: [{ name: 'p', quantity: 1, types: ['banner'], size: '4k' }] }, 'size'],
    ['two placements with one name', { placements: [{ name: 'p', quantity: 1, types: ['product'] }, { name: 'p', quantity: 1, types: ['banner'] }] }, 'unique'],
    ['dedupAds that is not a boolean', { dedupAds: 'yes' }, 'dedupAds'],
    ['a session id with no letter or digit', { sessionId: '---' }, 'sessionId'],
    ['a collection id that is not a number', { productClusterIds: ['summer sale'] }, 'productClusterIds'],
    ['eleven collections (Get ads takes 10 tags)', { productClusterIds: Array.from({ length: 11 }, (_, i) => String(i)) }, 'productClusterIds'],
    ['collections that are not a list', { productClusterIds: '139' }, 'productClusterIds'],
    ['product attributes that are not an object', { context: 'product_page', productSku: '1', productAttributes: 'Midea' }, 'productAttributes'],
    ['a product brand over 200 characters', { context: 'product_page', productSku: '1', productAttributes: { brandName: 'x'.repeat(201) } }, 'productAttributes'],
  ])('refuses %s', (_, input, field) => {
    expect(errorsOf(input).join(' ')).toContain(field)
  })

  it('sends session_id and user_id as their letters and digits: a UUID keeps its 32 hex digits (identity/adsId.ts)', () => {
    const validation = validateAdQuery({ ...base, context: 'home', sessionId: 'F361661F-5986-4779-9009-A34562F18347', userId: '6f92d1e9-00b6-4f8b-9645-faeab321e1cc' })
    expect(validation).toMatchObject({ ok: true, query: { sessionId: 'F361661F598647799009A34562F18347', userId: '6f92d1e900b64f8b9645faeab321e1cc' } })
  })

  it('treats an invalid user id as absent and still asks for ads', () => {
    const validation = validateAdQuery({ ...base, context: 'home', userId: '<script>' })
    expect(validation.ok).toBe(true)
    expect((validation as { query: AdQuery }).query).not.toHaveProperty('userId')
  })

  it('never echoes the values in its errors', () => {
    expect(errorsOf({ sessionId: 'secret value', context: 'search', term: 'x'.repeat(300) }).join(' ')).not.toMatch(/secret|xxxx/)
  })
})
