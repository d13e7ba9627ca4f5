import { HARD_MASKED_FIXTURE, loadOrder, loadProfileAnswer } from '../../__fixtures__'
import { sha256Hex } from '../../identity/hash'
import { EMAIL_RESOLVED_NOTE, profileToLookUp } from '../../identity/profileEmail'
import { toVtexAdsConversion } from '../../destinations/vtexAds/mapping'
import { vtexAdsDestination } from '../../destinations/vtexAds'
import { normalizeSettings } from '../../settings/appSettings'
import { convertOrder, DPP_NO_PROFILE_LOOKUP, ProfileUnreadableError, resolveMaskedEmail, type ProfileEmailLookup } from '../orderEmail'

const hardMasked = () => loadOrder(HARD_MASKED_FIXTURE)
const PROFILE_ID = '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f'
/** The CL search answer of the fixture, as the MasterData client returns it. */
const fixtureLookup: ProfileEmailLookup = async (userId) => loadProfileAnswer(PROFILE_ID).find((document) => document.userId === userId)?.email
const httpError = (status: number) => Object.assign(new Error(`Request failed with status code ${status}`), { response: { status } })

describe('profileToLookUp: which orders need the customer profile', () => {
  it('a hard-masked e-mail with a valid userProfileId', () => {
    expect(profileToLookUp(hardMasked())).toBe(PROFILE_ID)
  })

  it('never a readable or soft-masked e-mail, never an order without a valid profile id', () => {
    expect(profileToLookUp(loadOrder('simple'))).toBeUndefined() // soft mask: recovered without a lookup
    const order = hardMasked()
    expect(profileToLookUp({ ...order, clientProfileData: { ...order.clientProfileData, email: 'ana@example.com' } })).toBeUndefined()
    expect(profileToLookUp({ ...order, clientProfileData: { ...order.clientProfileData, userProfileId: null } })).toBeUndefined()
    expect(profileToLookUp({ ...order, clientProfileData: { ...order.clientProfileData, userProfileId: "x' OR email=*" } })).toBeUndefined()
  })
})

describe('resolveMaskedEmail', () => {
  it('puts the CL address in place of the alias, in memory, and notes it without the address', async () => {
    const seen: string[] = []
    const { order, note } = await resolveMaskedEmail(hardMasked(), async (userId) => (seen.push(userId), fixtureLookup(userId)))
    expect(seen).toEqual([PROFILE_ID])
    expect(order.clientProfileData?.email).toBe('Ana.Costa@Example.com')
    expect(note).toBe(EMAIL_RESOLVED_NOTE)
    expect(note).not.toMatch(/ana|costa|example/i)
  })

  it('does not look anything up when the e-mail is readable', async () => {
    const lookup = jest.fn(fixtureLookup)
    const simple = loadOrder('simple')
    await expect(resolveMaskedEmail(simple, lookup)).resolves.toEqual({ order: simple })
    expect(lookup).not.toHaveBeenCalled()
  })

  it('says why when it cannot: no profile, an unusable address, a refused lookup', async () => {
    await expect(resolveMaskedEmail(hardMasked(), async () => undefined)).resolves.toMatchObject({ note: "email-unresolved: no Master Data CL document for the order's userProfileId" })
    await expect(resolveMaskedEmail(hardMasked(), async () => 'f00@ct.vtex.com.br')).resolves.toMatchObject({ note: 'email-unresolved: the CL document holds no usable e-mail' })
    await expect(resolveMaskedEmail(hardMasked(), async () => Promise.reject(httpError(403)))).resolves.toMatchObject({ note: 'email-unresolved: profile lookup refused (http-403)' })
    await expect(resolveMaskedEmail(hardMasked(), undefined)).resolves.toMatchObject({ note: 'email-unresolved: the customer profile was not looked up' })
  })

  it('points at the Data Protection Plus setting when Master Data has no CL entity (404)', async () => {
    const { note } = await resolveMaskedEmail(hardMasked(), async () => Promise.reject(httpError(404)))
    expect(note).toMatch(/^email-unresolved: profile lookup refused \(http-404\); a store on Data Protection Plus has no Master Data CL: turn on "My store uses Data Protection Plus"/)
  })

  it('in a Data Protection Plus store, records why a still-masked e-mail stays unresolved, and looks nothing up', async () => {
    const dppMasked = { ...hardMasked(), clientProfileData: { ...hardMasked().clientProfileData, email: 'a**.c****@e******.c**' } }
    for (const order of [hardMasked(), dppMasked]) {
      const resolved = await resolveMaskedEmail(order, DPP_NO_PROFILE_LOOKUP)
      expect(resolved).toEqual({ order, note: DPP_NO_PROFILE_LOOKUP.unavailable })
    }
    expect(DPP_NO_PROFILE_LOOKUP.unavailable).toMatch(/^email-dpp-unresolved: /)
  })

  it('throws to retry later when Master Data does not answer or fails', async () => {
    await expect(resolveMaskedEmail(hardMasked(), async () => Promise.reject(httpError(503)))).rejects.toEqual(new ProfileUnreadableError('profile-unreadable: http-503'))
    await expect(resolveMaskedEmail(hardMasked(), async () => Promise.reject(new Error('socket hang up')))).rejects.toEqual(new ProfileUnreadableError('profile-unreadable: no answer'))
  })
})

describe('a default (hard-masked) store converts', () => {
  it('VTEX Ads gets email_hashed of the normalized CL address', async () => {
    const conversion = await convertOrder(hardMasked(), fixtureLookup)
    const body = toVtexAdsConversion(conversion, normalizeSettings({ publisherId: 'pub' }))
    expect(body.email_hashed).toBe(sha256Hex('ana.costa@example.com'))
    expect(conversion.notes).toContain(EMAIL_RESOLVED_NOTE)
  })

  it('a Data Protection Plus order read with `reason` carries the real address: hashed without any lookup', async () => {
    const order = { ...hardMasked(), clientProfileData: { ...hardMasked().clientProfileData, email: 'Ana.Costa@Example.com' } }
    const conversion = await convertOrder(order, DPP_NO_PROFILE_LOOKUP)
    expect(toVtexAdsConversion(conversion, normalizeSettings({ publisherId: 'pub' })).email_hashed).toBe(sha256Hex('ana.costa@example.com'))
    expect(conversion.notes.filter((note) => note.startsWith('email'))).toEqual([])
  })

  it('a Data Protection Plus order still masked: VTEX Ads refuses it as a dead letter that names the reason', async () => {
    const conversion = await convertOrder(hardMasked(), DPP_NO_PROFILE_LOOKUP)
    const preparation = vtexAdsDestination.prepare(conversion, normalizeSettings({ publisherId: 'pub' }), Date.now())
    expect(preparation).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('email-dpp-unresolved: ') })
  })

  it('without the profile, no e-mail hash at all: never a hash of the alias', async () => {
    const conversion = await convertOrder(hardMasked(), async () => undefined)
    const body = toVtexAdsConversion(conversion, normalizeSettings({ publisherId: 'pub' }))
    expect(body.email_hashed).toBeUndefined()
    expect(conversion.notes).toEqual(expect.arrayContaining(['email-masked-unrecoverable', "email-unresolved: no Master Data CL document for the order's userProfileId"]))
  })
})
