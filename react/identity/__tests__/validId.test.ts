import { validId } from '../validId'

describe('validId', () => {
  it.each(['abc', 'A.b_c:d~e-f', '0', 'x'.repeat(128), 'a7f1c2d0-52b4-4bb0-9a2e-0f1c2d3e4f50'])('keeps %s', (id) => {
    expect(validId(id)).toBe(id)
  })

  it.each(['', 'x'.repeat(129), 'a b', 'a;b', 'a,b', 'é', '<script>', 'a/b', 'a=b', 'a\nb'])('treats %j as absent', (id) => {
    expect(validId(id)).toBeUndefined()
  })

  it.each([undefined, null, 42, {}, ['a']])('treats non-strings (%j) as absent', (value) => {
    expect(validId(value)).toBeUndefined()
  })
})
