import type { IncomingHttpHeaders } from 'http'
import type { ErrorObject } from 'ajv'
import type { OpenAPIV3 } from 'openapi-types'
import type { StandInReply } from '../lib/standIn'
import { loadSpec, type LoadedSpec, type SpecOperation } from './loadSpec'
import { SCHEMA_OVERRIDES, type SchemaOverride } from './overrides'
import { VENDORED_SPECS, type VendoredSpec } from './specs'

/**
 * Checks calls against VTEX's published OpenAPI files: a request against the operation's
 * parameters (path, query, headers) and request body with its content type; an answer against the
 * operation's response for that status code. Operations are found generically, by host (the
 * spec's servers and IO's gateways) and path template, so a call added later is checked with no new
 * code. Specs load on the first call to one of their hosts; each operation's validators compile once.
 */
export interface ContractRequest {
  method: string
  url: URL
  headers: IncomingHttpHeaders
  body: Buffer
}

export interface DescribedOperation {
  spec: VendoredSpec
  /** `Orders API GET /api/oms/pvt/orders/{orderId}` */
  key: string
  operation: SpecOperation
  loaded: LoadedSpec
}

export interface RequestVerdict {
  /** Every published operation that describes the call (Master Data v1 and v2 share URLs). */
  described: DescribedOperation[]
  /** Those whose schema accepts it: the call conforms when there is one. */
  accepted: DescribedOperation[]
  /** Why the first describing operation refuses it (empty when accepted). */
  errors: ErrorObject[]
  /** What VTEX would answer instead, when refused. */
  refusal?: StandInReply
}

const mediaType = (value: unknown) =>
  String(Array.isArray(value) ? value[0] : (value ?? ''))
    .split(';')[0]
    .trim()
    .toLowerCase()

const contractError = (keyword: string, message: string, instancePath = ''): ErrorObject => ({
  keyword,
  message,
  instancePath,
  schemaPath: '#',
  params: {},
})

/** `application/*` and `*\/*` in a spec's content map match any subtype / any type. */
const acceptsMediaType = (content: Record<string, unknown>, type: string) =>
  Object.keys(content).some((listed) => {
    const wanted = mediaType(listed)
    return wanted === type || wanted === '*/*' || (wanted.endsWith('/*') && type.startsWith(wanted.slice(0, -1)))
  })

/** openapi-backend validates `{requestBody, path, query, header}`: errors about the body read as the API's own (`/items/0/sku`). */
const asBodyError = (error: ErrorObject): ErrorObject =>
  error.instancePath.startsWith('/requestBody')
    ? {
        ...error,
        instancePath: error.instancePath.slice('/requestBody'.length),
        schemaPath: error.schemaPath.replace('#/properties/requestBody', '#'),
      }
    : error

const isJsonType = (type: string) => type === 'application/json' || type.endsWith('+json')

/** The path as the templates are matched (trailing slashes ignored, as openapi-backend does). */
const trimmedPath = (url: URL) => (url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname)

/**
 * Query parameters the operation declares, as the validator takes them (a repeated name: an array).
 * Undeclared ones are not checked: OpenAPI describes the parameters an API reads, and VTEX's own
 * calls carry more (IO's gateways add `an`; Get ads returns event URLs with `ad_type`, `pname`…).
 */
function declaredQuery(operation: SpecOperation, url: URL): Record<string, unknown> {
  const query: Record<string, unknown> = {}
  for (const parameter of (operation.operation.parameters ?? []) as OpenAPIV3.ParameterObject[]) {
    if (parameter.in !== 'query') continue
    const values = url.searchParams.getAll(parameter.name)
    if (values.length === 0) continue
    const isArray = (parameter.schema as OpenAPIV3.SchemaObject | undefined)?.type === 'array'
    // OpenAPI query styles: form (default) explodes into repeated names; explode: false joins with ',', spaceDelimited ' ', pipeDelimited '|'.
    const separator = parameter.style === 'spaceDelimited' ? ' ' : parameter.style === 'pipeDelimited' ? '|' : ','
    query[parameter.name] = !isArray ? values[0] : values.length === 1 && parameter.explode === false ? values[0].split(separator) : values
  }
  return query
}

/** The path's `{params}`, decoded, from the template's groups. */
function pathParams(operation: SpecOperation, path: string): Record<string, string> {
  const match = operation.pattern.exec(path)
  return Object.fromEntries(operation.params.map((name, index) => [name, decodeURIComponent(match?.[index + 1] ?? '')]))
}

function statusSchemaOf(operation: SpecOperation, status: number): OpenAPIV3.ResponseObject | undefined {
  const responses = operation.operation.responses as Record<string, OpenAPIV3.ResponseObject>
  return responses[String(status)] ?? responses[`${Math.floor(status / 100)}XX`] ?? responses.default
}

export class ContractChecker {
  private readonly loaded = new Map<string, LoadedSpec>()

  constructor(
    private readonly specs: VendoredSpec[] = VENDORED_SPECS,
    private readonly overrides: SchemaOverride[] = SCHEMA_OVERRIDES
  ) {}

  private load(spec: VendoredSpec): LoadedSpec {
    let loaded = this.loaded.get(spec.name)
    if (!loaded) this.loaded.set(spec.name, (loaded = loadSpec(spec, this.overrides)))
    return loaded
  }

  /** The published operation `GET /path/{param}` of the spec named `specName`. */
  published(specName: string, operation: string): SpecOperation | undefined {
    const spec = this.specs.find((candidate) => candidate.name === specName)
    const [method, path] = operation.split(' ')
    return spec ? this.load(spec).operations.find((candidate) => candidate.method === method && candidate.path === path) : undefined
  }

  private readonly specsByHost = new Map<string, VendoredSpec[]>()

  /** The vendored specs published on `host` (remembered per host: a handful of hosts, called thousands of times). */
  private specsOf(host: string): VendoredSpec[] {
    let specs = this.specsByHost.get(host)
    if (!specs) this.specsByHost.set(host, (specs = this.specs.filter((spec) => spec.hosts.some((pattern) => pattern.test(host)))))
    return specs
  }

  /** Is this host one a vendored spec describes? (cheap: no spec is loaded) */
  coversHost(host: string): boolean {
    return this.specsOf(host).length > 0
  }

  /** The published operations that describe `method url`; `servedAs`: the host a local origin stands for. */
  describe(method: string, url: URL, servedAs?: string): DescribedOperation[] {
    const path = trimmedPath(url)
    const upper = method.toUpperCase()
    const described: DescribedOperation[] = []
    for (const spec of this.specsOf(servedAs ?? url.hostname)) {
      const loaded = this.load(spec)
      // Sorted most specific first: /orders/order-group/{id} before /orders/{id}.
      const operation = loaded.operations.find((candidate) => candidate.method === upper && candidate.pattern.test(path))
      if (operation) described.push({ spec, key: `${spec.name} ${operation.method} ${operation.path}`, operation, loaded })
    }
    return described
  }

  private requestErrors(described: DescribedOperation, request: ContractRequest): ErrorObject[] {
    const { operation } = described.operation
    const body = request.body.length > 0 ? request.body.toString('utf8') : undefined
    const content = (operation.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content
    const type = mediaType(request.headers['content-type'])
    if (body !== undefined && content && !acceptsMediaType(content, type))
      return [
        contractError(
          'content-type',
          `content type '${type || '(none)'}' is not one the operation accepts: ${Object.keys(content).join(', ')}`,
          '/headers/content-type'
        ),
      ]
    let requestBody: unknown
    if (body !== undefined) {
      try {
        requestBody = JSON.parse(body)
      } catch (error) {
        if (isJsonType(type) || (content && Object.keys(content).every(isJsonType)))
          return [contractError('parse', `the body is not JSON: ${(error as Error).message}`)]
        requestBody = body
      }
    }
    try {
      // openapi-backend's compiled validators of the operation, fed what its validateRequest feeds them
      // ({path, query, header, requestBody}), without its per-call request parsing (lodash, cookies, templates).
      const parameters = {
        path: pathParams(described.operation, trimmedPath(request.url)),
        query: declaredQuery(described.operation, request.url),
        header: { ...request.headers },
        requestBody,
      }
      const errors: ErrorObject[] = []
      for (const validate of described.loaded.validator.getRequestValidatorsForOperation(operation.operationId!) ?? []) {
        if (!validate(parameters) && validate.errors) errors.push(...validate.errors)
      }
      return errors.map(asBodyError)
    } catch (error) {
      return [contractError('schema', `the published schema cannot be compiled: ${(error as Error).message}`)]
    }
  }

  checkRequest(request: ContractRequest, servedAs?: string): RequestVerdict | undefined {
    const described = this.describe(request.method, request.url, servedAs)
    if (described.length === 0) return undefined
    const verdicts = described.map((operation) => ({ operation, errors: this.requestErrors(operation, request) }))
    const accepted = verdicts.filter((verdict) => verdict.errors.length === 0).map((verdict) => verdict.operation)
    if (accepted.length > 0) return { described, accepted, errors: [] }
    const [first] = verdicts
    return { described, accepted, errors: first.errors, refusal: first.operation.spec.refusal(first.errors) }
  }

  private answerErrors(described: DescribedOperation, reply: StandInReply): ErrorObject[] {
    const response = statusSchemaOf(described.operation, reply.status)
    // A status the operation does not describe (401, 404, 429, 5xx…) has nothing to check against.
    if (!response) return []
    const headers = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]))
    const type = mediaType(headers['content-type'])
    const hasBody = reply.body !== undefined && !(Buffer.isBuffer(reply.body) && reply.body.length === 0) && reply.body !== ''
    if (hasBody && response.content && !acceptsMediaType(response.content, type))
      return [
        contractError(
          'content-type',
          `answered '${type || '(none)'}'; the operation answers ${reply.status} with ${Object.keys(response.content).join(', ')}`,
          '/headers/content-type'
        ),
      ]
    if (hasBody && !isJsonType(type)) return []
    let body: unknown = null
    if (hasBody) {
      try {
        body = Buffer.isBuffer(reply.body) || typeof reply.body === 'string' ? JSON.parse(reply.body.toString()) : reply.body
      } catch {
        return [contractError('parse', 'the answer is not JSON')]
      }
    }
    try {
      const result = described.loaded.validator.validateResponse(body, described.operation.operation, reply.status)
      return (result.errors as ErrorObject[] | null | undefined) ?? []
    } catch (error) {
      return [contractError('schema', `the published schema cannot be compiled: ${(error as Error).message}`)]
    }
  }

  /** Why the answer breaks the response schema of every operation that accepted the request ([] when one holds). */
  checkAnswer(accepted: DescribedOperation[], reply: StandInReply): ErrorObject[] {
    let first: ErrorObject[] = []
    for (const [index, operation] of accepted.entries()) {
      const errors = this.answerErrors(operation, reply)
      if (errors.length === 0) return []
      if (index === 0) first = errors
    }
    return first
  }
}

/** One checker per process: specs load once, validators compile once per operation. */
let shared: ContractChecker | undefined
export const contractChecker = (): ContractChecker => (shared ??= new ContractChecker())

/**
 * VTEX's own example of an operation's answer (`Checkout API`, `GET /api/checkout/pvt/configuration/orderForm`, 200),
 * a fresh copy: the stand-ins start from what VTEX says a real account answers.
 */
export function publishedExample(specName: string, operation: string, status: number): unknown {
  const content = contractChecker().published(specName, operation)?.operation.responses?.[String(status)] as
    OpenAPIV3.ResponseObject | undefined
  const json = content?.content?.['application/json']
  const example = json?.example ?? (json?.examples ? (Object.values(json.examples)[0] as OpenAPIV3.ExampleObject).value : undefined)
  if (example === undefined) throw new Error(`no published example for ${specName} ${operation} ${status}`)
  return structuredClone(example)
}
