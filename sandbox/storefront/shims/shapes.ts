/**
 * A tiny language for the shapes of what Store Framework modules give our blocks (realShapes.ts
 * records them, each with its public source), and the two questions the tests ask of a shape:
 * does this value conform to it (a shim, a mock, a pixel event), and is this path one it records
 * (a field a block read, a field a typing declares). Pure: no I/O, no React.
 *
 * Paths are dot-separated segments from an export: a field name, `()` for what a function or hook
 * returns, `[]` for an array's items, `props` for a component's props, e.g.
 * `useRuntime().route.pageContext.type` or `default.mapCatalogProductToProductSummary().sku.itemId`.
 */
export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'unknown' }
  | { kind: 'literal'; values: readonly string[] }
  /** `open`: the real value is catalog data passed through and carries more fields than we read; a stand-in may carry them too. */
  | { kind: 'object'; fields: Readonly<Record<string, Shape>>; open?: boolean }
  /** Any string key (URL query, class names by handle). */
  | { kind: 'record'; value: Shape }
  | { kind: 'array'; item: Shape }
  | { kind: 'optional'; shape: Shape }
  | { kind: 'nullable'; shape: Shape }
  /** A function or hook: `()` is what it returns. */
  | { kind: 'function'; returns: Shape }
  /** A React component: the props we pass, and static members. */
  | { kind: 'component'; props: Shape; statics?: Readonly<Record<string, Shape>> }

export const str: Shape = { kind: 'string' }
export const num: Shape = { kind: 'number' }
export const bool: Shape = { kind: 'boolean' }
export const unknown: Shape = { kind: 'unknown' }
export const literal = (...values: string[]): Shape => ({ kind: 'literal', values })
export const obj = (fields: Record<string, Shape>): Shape => ({ kind: 'object', fields })
export const openObj = (fields: Record<string, Shape>): Shape => ({ kind: 'object', fields, open: true })
export const recordOf = (value: Shape): Shape => ({ kind: 'record', value })
export const arrayOf = (item: Shape): Shape => ({ kind: 'array', item })
export const optional = (shape: Shape): Shape => ({ kind: 'optional', shape })
export const nullable = (shape: Shape): Shape => ({ kind: 'nullable', shape })
export const fn = (returns: Shape): Shape => ({ kind: 'function', returns })
export const component = (props: Shape, statics?: Record<string, Shape>): Shape => ({ kind: 'component', props, statics })

/** Ways `value` differs from `shape`, each as "<path>: <what>"; empty when it conforms. Functions and components are checked as functions. */
export function conformanceErrors(shape: Shape, value: unknown, path = '$'): string[] {
  switch (shape.kind) {
    case 'optional':
      return value === undefined ? [] : conformanceErrors(shape.shape, value, path)
    case 'nullable':
      return value === null ? [] : conformanceErrors(shape.shape, value, path)
    case 'unknown':
      return []
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === shape.kind ? [] : [`${path}: expected ${shape.kind}, got ${describe(value)}`]
    case 'literal':
      return typeof value === 'string' && shape.values.includes(value)
        ? []
        : [`${path}: expected one of ${shape.values.join('|')}, got ${describe(value)}`]
    case 'function':
    case 'component':
      return typeof value === 'function' ? [] : [`${path}: expected a function, got ${describe(value)}`]
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected an array, got ${describe(value)}`]
      return value.flatMap((item, index) => conformanceErrors(shape.item, item, `${path}[${index}]`))
    case 'record':
      if (!isPlainObject(value)) return [`${path}: expected an object, got ${describe(value)}`]
      return Object.entries(value).flatMap(([key, item]) => conformanceErrors(shape.value, item, `${path}.${key}`))
    case 'object': {
      if (!isPlainObject(value)) return [`${path}: expected an object, got ${describe(value)}`]
      const recorded = Object.entries(shape.fields).flatMap(([key, field]) =>
        key in value ? conformanceErrors(field, value[key], `${path}.${key}`) : acceptsAbsent(field) ? [] : [`${path}.${key}: missing`]
      )
      const unrecorded = shape.open
        ? []
        : Object.keys(value)
            .filter((key) => !(key in shape.fields))
            .map((key) => `${path}.${key}: not in the real shape`)
      return [...recorded, ...unrecorded]
    }
  }
}

/** The shape a path reaches from `shape`, or undefined when the shape does not record that path. */
export function shapeAt(shape: Shape, segments: readonly string[]): Shape | undefined {
  if (segments.length === 0) return shape
  const [segment, ...rest] = segments
  switch (shape.kind) {
    case 'optional':
    case 'nullable':
      return shapeAt(shape.shape, segments)
    case 'function':
      return segment === '()' ? shapeAt(shape.returns, rest) : undefined
    case 'component':
      if (segment === 'props') return shapeAt(shape.props, rest)
      return shape.statics && segment in shape.statics ? shapeAt(shape.statics[segment], rest) : undefined
    case 'array':
      return segment === '[]' ? shapeAt(shape.item, rest) : undefined
    case 'record':
      return segment === '()' ? undefined : shapeAt(shape.value, rest)
    case 'object':
      return Object.prototype.hasOwnProperty.call(shape.fields, segment) ? shapeAt(shape.fields[segment], rest) : undefined
    default:
      // Nothing is recorded below a leaf, `unknown` included: our code passes such values on, never reads into them.
      return undefined
  }
}

/** Every path a shape records, leaves and branches (for docs and error messages). */
export function recordedPaths(shape: Shape, prefix = ''): string[] {
  const join = (segment: string) => (prefix ? `${prefix}.${segment}` : segment)
  switch (shape.kind) {
    case 'optional':
    case 'nullable':
      return recordedPaths(shape.shape, prefix)
    case 'function':
      return [join('()'), ...recordedPaths(shape.returns, join('()'))]
    case 'component':
      return [
        join('props'),
        ...recordedPaths(shape.props, join('props')),
        ...Object.entries(shape.statics || {}).flatMap(([name, member]) => [join(name), ...recordedPaths(member, join(name))]),
      ]
    case 'array':
      return [join('[]'), ...recordedPaths(shape.item, join('[]'))]
    case 'record':
      return [join('*'), ...recordedPaths(shape.value, join('*'))]
    case 'object':
      return Object.entries(shape.fields).flatMap(([key, field]) => [join(key), ...recordedPaths(field, join(key))])
    default:
      return []
  }
}

const acceptsAbsent = (shape: Shape): boolean => shape.kind === 'optional' || shape.kind === 'unknown'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value)
