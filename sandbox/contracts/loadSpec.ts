import { readFileSync } from 'fs'
import { join } from 'path'
import addFormats from 'ajv-formats'
import { dereferenceSync } from 'dereference-json-schema'
import { OpenAPIRouter, OpenAPIValidator, type Operation } from 'openapi-backend'
import type { OpenAPIV3 } from 'openapi-types'
import { applyOverride, type SchemaOverride } from './overrides'
import type { VendoredSpec } from './specs'

export const OPENAPI_DIR = join(__dirname, 'openapi')

/** One operation of a spec, with its path template compiled once. */
export interface SpecOperation {
  method: string
  path: string
  /** The path template as a regular expression, one group per `{param}`. */
  pattern: RegExp
  /** The template's parameter names, in order. */
  params: string[]
  /** Characters outside `{params}`: the more, the more specific (OpenAPI: concrete paths first). */
  literalLength: number
  operation: Operation
}

export interface LoadedSpec {
  spec: VendoredSpec
  operations: SpecOperation[]
  validator: OpenAPIValidator
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const

/**
 * OpenAPI 3.0.3, Parameter Object: "If in is "header" and the name field is "Accept", "Content-Type"
 * or "Authorization", the parameter definition SHALL be ignored." VTEX's files declare the first two
 * as required headers on nearly every operation; the content type is checked against requestBody.
 */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization'])
const kept = <T>(parameters: T[] | undefined): T[] | undefined =>
  parameters?.filter((parameter) => {
    const { in: location, name } = parameter as OpenAPIV3.ParameterObject
    return !(location === 'header' && IGNORED_HEADERS.has(String(name).toLowerCase()))
  })

/**
 * Content maps keyed by media type alone: VTEX keys some as `application/json; charset=utf-8`, and
 * the validator looks schemas up by `application/json` (a key with parameters would go unchecked).
 */
const byMediaType = <T>(content: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(content).map(([type, media]) => [type.split(';')[0].trim().toLowerCase(), media]))

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const templatePattern = (path: string) =>
  new RegExp(
    `^${path
      .split(/\{[^}]+\}/)
      .map(escapeRegExp)
      .join('[^/]+')}$`
  )

/**
 * Reads one vendored file, applies the sandbox's overrides to it (in memory: the file stays VTEX's),
 * dereferences it and drops the header parameters OpenAPI says to ignore. Validators compile
 * lazily, once per operation.
 */
export function loadSpec(spec: VendoredSpec, overrides: SchemaOverride[]): LoadedSpec {
  const document = JSON.parse(readFileSync(join(OPENAPI_DIR, spec.file), 'utf8')) as OpenAPIV3.Document
  for (const override of overrides) if (override.spec === spec.name) applyOverride(document, override)
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item?.[method]
      // Every operation gets its own id (`GET /path`): the validator keys its compiled schemas by it, and VTEX leaves some out or repeats them.
      if (operation) operation.operationId = `${method.toUpperCase()} ${path}`
    }
  }
  const definition = dereferenceSync(document) as OpenAPIV3.Document
  for (const item of Object.values(definition.paths)) {
    if (!item) continue
    item.parameters = kept(item.parameters)
    for (const method of METHODS) {
      const operation = item[method]
      if (!operation) continue
      operation.parameters = kept(operation.parameters)
      const body = operation.requestBody as OpenAPIV3.RequestBodyObject | undefined
      if (body?.content) body.content = byMediaType(body.content)
      for (const response of Object.values(operation.responses ?? {}) as OpenAPIV3.ResponseObject[])
        if (response.content) response.content = byMediaType(response.content)
    }
  }
  const router = new OpenAPIRouter({ definition })
  const operations = router
    .getOperations()
    .map((operation) => ({
      method: operation.method.toUpperCase(),
      path: operation.path,
      pattern: templatePattern(operation.path),
      params: [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]),
      literalLength: operation.path.replace(/\{[^}]+\}/g, '').length,
      operation,
    }))
    .sort((a, b) => b.literalLength - a.literalLength)
  const validator = new OpenAPIValidator({
    definition,
    router,
    lazyCompileValidators: true,
    ajvOpts: { allErrors: true },
    // The formats JSON Schema defines (date-time, email, uri…); openapi-backend adds OpenAPI's own (int32, double…).
    customizeAjv: (ajv) => addFormats(ajv),
  })
  return { spec, operations, validator }
}
