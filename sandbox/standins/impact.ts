import { json, type StandIn, type StandInReply, type StandInRequest } from '../lib/standIn'
import type { SandboxState } from '../state'

/** The credentials the sandbox's settings use; anything else gets impact's 401. */
export const SANDBOX_IMPACT = { accountSid: 'IRsandboxAccount1', authToken: 'sandbox-impact-token' } as const
export const IMPACT_HOSTS = ['api.impact.com']

const CONVERSIONS = /^\/Advertisers\/([^/]+)\/Conversions$/
/** impact's attribution keys: one is enough (spec "Attribution key"). */
const ATTRIBUTION_KEYS = ['ClickId', 'CustomerId', 'CustomProfileId', 'OrderPromoCode', 'UniqueUrl', 'GoogAId', 'AppleIfa', 'AppleIfv', 'MediaId', 'CallerId']
const MONEY_FIELDS = /^(OrderDiscount|OrderShipping|OrderTax|OrderSubTotalPostDiscount|ItemPrice\d+|ItemSubTotal\d*|ItemDiscount\d+|ItemTotalDiscount\d+)$/
const WHOLE_NUMBER_FIELDS = /^ItemQuantity\d+$/

interface ImpactFieldError {
  field: string
  level: 'ERROR'
  message: string
}

const error = (field: string, message: string): ImpactFieldError => ({ field, level: 'ERROR', message })

function checkBasicAuth(request: StandInRequest, accountSid: string): boolean {
  const header = String(request.headers.authorization ?? '')
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(header)
  if (!match) return false
  const [user, ...rest] = Buffer.from(match[1], 'base64').toString('utf8').split(':')
  return user === SANDBOX_IMPACT.accountSid && rest.join(':') === SANDBOX_IMPACT.authToken && accountSid === SANDBOX_IMPACT.accountSid
}

/** The minimum the spec requires (event type, attribution key, date, campaign, order, a category per item line) plus number formats. */
export function validateImpactConversion(fields: URLSearchParams): ImpactFieldError[] {
  const errors: ImpactFieldError[] = []
  const value = (name: string) => fields.get(name)?.trim() ?? ''
  if (!value('EventTypeId') && !value('EventTypeCode')) errors.push(error('EventTypeId', 'EventTypeId or EventTypeCode is required'))
  if (value('EventTypeId') && !/^\d+$/.test(value('EventTypeId'))) errors.push(error('EventTypeId', `Invalid numeric format (${value('EventTypeId')})`))
  if (!ATTRIBUTION_KEYS.some((key) => value(key))) errors.push(error('ClickId', 'At least one attribution parameter is required (ClickId, CustomerId…)'))
  const eventDate = value('EventDate')
  if (!eventDate) errors.push(error('EventDate', 'EventDate is required'))
  else if (eventDate !== 'NOW' && (!/^\d{4}-\d{2}-\d{2}T/.test(eventDate) || Number.isNaN(Date.parse(eventDate))))
    errors.push(error('EventDate', `Invalid ISO 8601 date (${eventDate})`))
  if (!value('CampaignId')) errors.push(error('CampaignId', 'CampaignId is required'))
  if (!value('OrderId')) errors.push(error('OrderId', 'OrderId is required'))
  if (value('CustomerEmail') && !/^[a-f0-9]{40}$/i.test(value('CustomerEmail')))
    errors.push(error('CustomerEmail', 'CustomerEmail must be the SHA-1 hex of the address'))
  // "ItemCategory[i] required if passing item-level details".
  for (const [name] of fields) {
    const line = /^ItemSku(\d+)$/.exec(name)?.[1]
    if (line && !value(`ItemCategory${line}`)) errors.push(error(`ItemCategory${line}`, `ItemCategory${line} is required when item-level details are sent`))
  }
  for (const [name, raw] of fields) {
    if (MONEY_FIELDS.test(name) && !/^-?\d+(\.\d+)?$/.test(raw)) errors.push(error(name, `Invalid numeric format (${raw})`))
    if (WHOLE_NUMBER_FIELDS.test(name) && !/^\d+$/.test(raw)) errors.push(error(name, `Invalid whole number (${raw})`))
  }
  return errors
}

/**
 * A fake impact.com Conversions API: basic auth (401 otherwise), form encoding, the spec's minimum
 * fields, `{Status: 'QUEUED', QueuedUri}` or `{Status: 'ERROR', errors: [{field, level, message}]}`.
 * It counts OrderIds per event type (impact dedups on them) so the sandbox can flag a duplicate.
 */
export function impactStandIn(state?: SandboxState): StandIn & { conversions: Map<string, number> } {
  const conversions = new Map<string, number>()
  let submissions = 0

  const conversion = (request: StandInRequest, accountSid: string): StandInReply => {
    if (!checkBasicAuth(request, accountSid)) return json(401, { Status: 'ERROR', Message: 'Unauthorized: check the Account SID and Auth Token' })
    const contentType = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    if (contentType !== 'application/x-www-form-urlencoded')
      return json(400, { Status: 'ERROR', errors: [error('Content-Type', `Expected application/x-www-form-urlencoded, got ${contentType || 'none'}`)] })
    const fields = new URLSearchParams(request.body.toString('utf8'))
    const errors = validateImpactConversion(fields)
    if (errors.length > 0) return json(400, { Status: 'ERROR', errors })
    const key = `${fields.get('EventTypeId') ?? fields.get('EventTypeCode')}:${fields.get('OrderId')}`
    conversions.set(key, (conversions.get(key) ?? 0) + 1)
    submissions += 1
    return json(200, { Status: 'QUEUED', QueuedUri: `/Advertisers/${accountSid}/APISubmissions/A${String(submissions).padStart(6, '0')}` })
  }

  return {
    name: 'impact',
    hosts: IMPACT_HOSTS,
    conversions,
    handle(request) {
      const match = CONVERSIONS.exec(request.url.pathname)
      if (request.method !== 'POST' || !match) return undefined
      const injected = state?.takeInjectedFailure('impact')
      if (injected) return json(injected, { Status: 'ERROR', Message: `sandbox: injected ${injected}` }, injected === 429 ? { 'retry-after': '1' } : {})
      return conversion(request, decodeURIComponent(match[1]))
    },
    describe(request, reply) {
      const fields = new URLSearchParams(request.body.toString('utf8'))
      const orderId = fields.get('OrderId') ?? '?'
      const body = reply.body as { Status?: string; errors?: ImpactFieldError[]; Message?: string }
      if (body?.Status === 'QUEUED') {
        const key = `${fields.get('EventTypeId') ?? fields.get('EventTypeCode')}:${orderId}`
        return `conversion ${orderId} QUEUED${(conversions.get(key) ?? 0) > 1 ? ' — DUPLICATE' : ''}`
      }
      const detail = body?.errors?.map((entry) => `${entry.field}: ${entry.message}`).join('; ') ?? body?.Message ?? ''
      return `conversion ${orderId} refused (${reply.status}) ${detail}`.trim()
    },
  }
}
