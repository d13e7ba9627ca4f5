import type { ErrorObject } from 'ajv'
import { json, type StandInReply } from '../lib/standIn'

/**
 * VTEX's own OpenAPI files the sandbox checks calls against (vendored, unchanged, in ./openapi/),
 * the hosts each API is reached on, and the error body VTEX answers a refused request with.
 *
 * Hosts: each file's `servers` (`https://{accountName}.vtexcommercestable.com.br` for the
 * platform APIs), plus the hosts VTEX IO's clients reach the same APIs on: @vtex/api 6.51.3's
 * JanusClient calls `http://portal.vtexcommercestable.com.br` with `?an={account}`
 * (lib/clients/janus/JanusClient.js) and its MasterData client `http://api.vtex.com/api/dataentities`
 * with `?an={account}` (lib/clients/external/Masterdata.js). The Ads API's servers, plus the hosts
 * VTEX's Ads docs also show (`events-api.ads.vtex.com` on the Conversion page, `api.ads.vtex.com`).
 */
export interface VendoredSpec {
  /** Short name, used in operation keys and reports. */
  name: string
  /** File name in sandbox/contracts/openapi/. */
  file: string
  hosts: RegExp[]
  /** What VTEX answers a request its schema refuses. */
  refusal(errors: ErrorObject[]): StandInReply
}

/** `{accountName}.vtexcommercestable.com.br`; `portal` is IO's Janus gateway (the account in `?an=`). */
const ACCOUNT_HOST = /^[a-z0-9-]+\.vtexcommercestable\.com\.br$/
const MASTER_DATA_IO_HOST = /^api\.vtex\.com$/

/** One line per refusal: the first errors, then how many more (an answer can break a schema a thousand times). */
export const describeErrors = (errors: ErrorObject[], shown = 8): string =>
  errors
    .slice(0, shown)
    .map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`)
    .concat(errors.length > shown ? [`… and ${errors.length - shown} more`] : [])
    .join('; ')

/** OMS and Checkout: `{"error":{"code","message","exception":null}}` (Orders API start-handling 401/409 examples; Checkout gatewayCallback 500 example). */
const vtexError = (errors: ErrorObject[]) =>
  json(400, { error: { code: 'InvalidRequest', message: describeErrors(errors), exception: null } })
/** Master Data: `{"Message": "…"}` (Master Data API v2 search 400 example "Field 'X' not found in schema"). */
const masterDataError = (errors: ErrorObject[]) => json(400, { Message: describeErrors(errors) })
/** The newer order documents API answers RFC 9110 problem details (Orders API change-summary 401 example). */
const problemDetails = (errors: ErrorObject[]) =>
  json(
    400,
    { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'Bad Request', status: 400, detail: describeErrors(errors) },
    { 'content-type': 'application/problem+json' }
  )
/** VTEX Ads: 422 with the Ajv error list (seeds 000 "Conversion"; Ads API `422` on every event and Get ads); 400 for a body that is not JSON (Get ads `400`). */
const adsError = (errors: ErrorObject[]) =>
  errors.some((error) => error.keyword === 'parse') ? json(400, { error: 'Invalid request' }) : json(422, errors)

export const VENDORED_SPECS: VendoredSpec[] = [
  {
    name: 'Ads API',
    file: 'VTEX - Ads API.json',
    hosts: [
      /^api-retail-media\.newtail\.com\.br$/,
      /^newtail-media\.newtail\.com\.br$/,
      /^events\.newtail-media\.newtail\.com\.br$/,
      /^events-api\.ads\.vtex\.com$/,
      /^api\.ads\.vtex\.com$/,
    ],
    refusal: adsError,
  },
  { name: 'Orders API', file: 'VTEX - Orders API.json', hosts: [ACCOUNT_HOST], refusal: vtexError },
  { name: 'Orders API PII version', file: 'VTEX - Orders API PII version.json', hosts: [ACCOUNT_HOST], refusal: problemDetails },
  { name: 'Checkout API', file: 'VTEX - Checkout API.json', hosts: [ACCOUNT_HOST], refusal: vtexError },
  // Master Data v1 and v2 share their URLs (the entity decides): a call conforms when either accepts it.
  {
    name: 'Master Data API v2',
    file: 'VTEX - Master Data API - v2.json',
    hosts: [ACCOUNT_HOST, MASTER_DATA_IO_HOST],
    refusal: masterDataError,
  },
  {
    name: 'Master Data API v1',
    file: 'VTEX - MasterData API - v10.2.json',
    hosts: [ACCOUNT_HOST, MASTER_DATA_IO_HOST],
    refusal: masterDataError,
  },
  // No error body documented for these two: VTEX's common one.
  { name: 'Session Manager API', file: 'VTEX - Session Manager API.json', hosts: [ACCOUNT_HOST], refusal: vtexError },
  { name: 'Profile System', file: 'VTEX - Profile System.json', hosts: [ACCOUNT_HOST], refusal: vtexError },
]
