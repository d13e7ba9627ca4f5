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
  ])('%s', (_, signals, expected) => {
    expect(adPageContext(signals)).toEqual(expected)
  })
})
