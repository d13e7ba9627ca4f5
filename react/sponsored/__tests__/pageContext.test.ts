import { adPageContext } from '../pageContext'

describe('the Get ads context of a page', () => {
  it.each([
    ['home', { pageType: 'route', routeId: 'store.home' }, { context: 'home' }],
    ['a search', { pageType: 'search', searchTerm: ' running shoes ' }, { context: 'search', term: 'running shoes' }],
    ['a search inside a department', { pageType: 'department', searchTerm: 'shoes', breadcrumb: ['Outdoor'] }, { context: 'search', term: 'shoes' }],
    ['a subcategory, with the full breadcrumb', { pageType: 'subcategory', breadcrumb: ['Daily Care', 'Deodorant', 'Spray'] }, { context: 'category', categoryName: 'Daily Care > Deodorant > Spray' }],
    ['a product page', { pageType: 'product', productSku: '55069360', searchTerm: 'ignored' }, { context: 'product_page', productSku: '55069360' }],
    ['a brand page', { pageType: 'brand', brandName: 'Midea' }, { context: 'brand_page', brandName: 'Midea' }],
    ['a category page without breadcrumb yet', { pageType: 'category' }, { context: 'home' }],
    ['a brand page without its name', { pageType: 'brand' }, { context: 'home' }],
    [
      'a product page: the product\'s category path and brand',
      { pageType: 'product', productSku: '2001', productCategories: ['Outdoor', ' Footwear '], productBrand: 'TrailCo' },
      { context: 'product_page', productSku: '2001', productAttributes: { categoryName: 'Outdoor > Footwear', brandName: 'TrailCo' } },
    ],
    ['a product page without category or brand', { pageType: 'product', productSku: '2001', productCategories: [] }, { context: 'product_page', productSku: '2001' }],
    [
      'a collection page: its collection ids (each once, digits only, at most 10)',
      { pageType: 'search', searchTerm: 'summer', facets: [{ key: 'productClusterIds', value: '139' }, { key: 'productclusterids', value: '139' }, { key: 'productClusterIds', value: '1 OR 2' }, { key: 'c', value: 'outdoor' }] },
      { context: 'search', term: 'summer', productClusterIds: ['139'] },
    ],
    [
      'a category filtered by a collection',
      { pageType: 'category', breadcrumb: ['Outdoor'], facets: Array.from({ length: 12 }, (_, i) => ({ key: 'productClusterIds', value: String(100 + i) })) },
      { context: 'category', categoryName: 'Outdoor', productClusterIds: ['100', '101', '102', '103', '104', '105', '106', '107', '108', '109'] },
    ],
  ])('%s', (_, signals, expected) => {
    expect(adPageContext(signals)).toEqual(expected)
  })
})
