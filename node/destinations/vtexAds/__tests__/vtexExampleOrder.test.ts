import { createHash } from 'crypto'
import { toConversion } from '../../../conversion/conversion'
import { normalizeSettings } from '../../../settings/appSettings'
import { loadVtexExampleOrder } from '../../../__fixtures__'
import { NO_STOREFRONT_SESSION_NOTE, vtexAdsDestination } from '..'
import { toVtexAdsConversion } from '../mapping'
import { validateAsVtexAds, validateForSend } from '../schema'

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
const settings = normalizeSettings({ publisherId: 'pub-123' })

/**
 * VTEX's own example order (Orders API OpenAPI, Get order): a marketplace-origin sale with no
 * `ads-events` customData, i.e. no storefront session, which is a completed sale all the same.
 */
describe("VTEX's example order (Orders API OpenAPI), mapped for VTEX Ads field by field", () => {
  const order = loadVtexExampleOrder()
  const body = toVtexAdsConversion(toConversion(order), settings)

  it('is a sale without storefront session: user_id from userProfileId, session_id derived from the order id, both letters and digits', () => {
    expect(order.customData?.customApps?.some((app) => app?.id === 'ads-events')).toBe(false)
    expect(order.clientProfileData?.userProfileId).toBe('5660c55f-714d-4b14-88a7-b03e9bfbdd2y')
    expect(body.user_id).toBe('5660c55f714d4b1488a7b03e9bfbdd2y')
    expect(body.session_id).toBe('order1172452900788x2d01')
  })

  it('sends unit prices in currency units: list price 19.90 (listPrice 1990), paid 9.90 (priceDefinition.total 990 / 1)', () => {
    expect(order.items[0]).toMatchObject({ listPrice: 1990, price: 990, sellingPrice: 990, quantity: 1 })
    expect(body.items).toEqual([{ sku: '18', product_id: '6', seller_id: '1', quantity: 1, price: 19.9, promotional_price: 9.9 }])
  })

  it('hashes each identifier after its normalization', () => {
    expect(body).toMatchObject({
      email_hashed: sha256('rodrigo.smith@email.com'),
      phone_hashed: sha256('+5561992227222'),
      // "845.134.270-19": digits only.
      social_id_hashed: sha256('84513427019'),
      first_name_hashed: sha256('Rodrigo'),
      last_name_hashed: sha256('Smith'),
    })
  })

  it('carries everything else as VTEX Ads defines it', () => {
    expect(body).toEqual({
      channel: 'ecommerce',
      publisher_id: 'pub-123',
      user_id: '5660c55f714d4b1488a7b03e9bfbdd2y',
      session_id: 'order1172452900788x2d01',
      order_id: '1172452900788-01',
      created_at: '2024-02-04T20:09:43Z',
      items: body.items,
      gender: null,
      uf: 'RJ',
      city: 'Rio de Janeiro',
      is_company: false,
      email_hashed: body.email_hashed,
      phone_hashed: body.phone_hashed,
      social_id_hashed: body.social_id_hashed,
      first_name_hashed: body.first_name_hashed,
      last_name_hashed: body.last_name_hashed,
    })
    expect(validateForSend(body)).toEqual([])
    expect(validateAsVtexAds(body)).toEqual([])
  })

  it('is ready to send, the record saying it had no storefront session', () => {
    expect(vtexAdsDestination.prepare(toConversion(order), settings, Date.now())).toMatchObject({ kind: 'ready', note: NO_STOREFRONT_SESSION_NOTE })
  })
})
