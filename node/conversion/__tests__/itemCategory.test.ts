import { readItemCategory } from '../itemCategory'
import { loadOrder } from '../../__fixtures__'

describe('readItemCategory', () => {
  const item = loadOrder('simple').items[0]

  it('names the most specific category by its id, whatever order the names come in', () => {
    const shirts = {
      ...item,
      additionalInfo: {
        categoriesIds: '/1000083/1004135/1004138/',
        categories: [
          { id: 1004138, name: 'Shirts' },
          { id: 1004135, name: 'Clothes' },
          { id: 1000083, name: 'Male fashion' },
        ],
      },
    }
    expect(readItemCategory(shirts)).toEqual({ categoryIds: ['1000083', '1004135', '1004138'], categoryName: 'Shirts' })
    const reversed = {
      ...shirts,
      additionalInfo: { ...shirts.additionalInfo, categories: [...shirts.additionalInfo.categories].reverse() },
    }
    expect(readItemCategory(reversed).categoryName).toBe('Shirts')
  })

  it('keeps the ids when the order has no names (the simple fixture, OMS before categories[])', () => {
    expect(readItemCategory(item)).toEqual({ categoryIds: ['12', '34'] })
  })

  it('takes the ids from the named categories when the path is missing', () => {
    const named = { ...item, additionalInfo: { categoriesIds: null, categories: [{ id: 9, name: 'Coach' }] } }
    expect(readItemCategory(named)).toEqual({ categoryIds: ['9'], categoryName: 'Coach' })
  })

  it('has nothing to say about an item without categories', () => {
    expect(readItemCategory({ ...item, additionalInfo: null })).toEqual({ categoryIds: [] })
  })
})
