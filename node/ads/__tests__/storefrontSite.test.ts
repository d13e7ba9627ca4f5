import { storefrontSite } from '../storefrontSite'

/** A segment token as VTEX's router forwards it (x-vtex-segment): base64 of the segment's JSON. */
const segment = (fields: Record<string, unknown>) =>
  Buffer.from(JSON.stringify({ campaigns: null, channel: '1', priceTables: null, regionId: null, utm_campaign: null, currencyCode: 'BRL', countryCode: 'BRA', cultureInfo: 'pt-BR', channelPrivacy: 'public', ...fields })).toString('base64')

describe('storefrontSite: the sales channel and host a storefront request comes from', () => {
  it("reads the sales channel from the shopper's segment and the host the shopper is on", () => {
    expect(storefrontSite({ segmentToken: segment({ channel: '2' }), host: 'Outlet.MyStore.com' })).toEqual({ salesChannel: '2', hostname: 'outlet.mystore.com' })
  })

  it('drops a port and keeps the first of several forwarded hosts', () => {
    expect(storefrontSite({ host: 'www.mystore.com:443' })).toEqual({ hostname: 'www.mystore.com' })
    expect(storefrontSite({ host: 'www.mystore.com, proxy.internal' })).toEqual({ hostname: 'www.mystore.com' })
  })

  it('a numeric channel is read as its id', () => {
    expect(storefrontSite({ segmentToken: segment({ channel: 3 }) })).toEqual({ salesChannel: '3' })
  })

  it.each([
    ['no headers', {}],
    ['a token that is not base64 JSON', { segmentToken: 'not-a-token' }],
    ['a channel that is not an id', { segmentToken: segment({ channel: '1; drop' }) }],
    ['a segment without channel', { segmentToken: segment({ channel: null }) }],
    ['a token far too long', { segmentToken: 'a'.repeat(9000) }],
    ['a host with a path', { host: 'www.mystore.com/evil' }],
    ['a host with spaces', { host: 'my store.com' }],
  ])('leaves out what it cannot read: %s', (_, vtex) => {
    expect(storefrontSite(vtex)).toEqual({})
  })
})
