import React, { ComponentType } from 'react'

import { realModule } from '../../sandbox/storefront/shims/realShapes'
import { shapeAt, type Shape } from '../../sandbox/storefront/shims/shapes'

/**
 * Watches what code reads from vtex.* modules: each export of a stand-in is wrapped so that every
 * field read from what it returns (hooks, functions, their results at any depth), every prop
 * passed to its components and every member read from an exported object is noted as a path
 * (`<specifier> <export>.<segments>`, realShapes' syntax). Used through jest.mock factories in
 * blockReads.test.tsx: `jest.mock('vtex.x', () => require('./readTracker').watchModule('vtex.x'))`.
 */
export const reads = new Set<string>()
/** The specifiers whose exports are being watched. */
export const watchedModules = new Set<string>()

const targetOf = new WeakMap<object, object>()
const proxiesOf = new WeakMap<object, Map<string, object>>()

/** Fields of the value itself, not of its prototype (an array's `find`, an object's `hasOwnProperty`). */
const segmentOf = (target: object, key: string): string | undefined => {
  if (Array.isArray(target)) return /^\d+$/.test(key) ? '[]' : undefined
  if (key === 'toJSON' || (key in Object.prototype && !Object.prototype.hasOwnProperty.call(target, key))) return undefined
  return key
}

const watchFunction = (fn: (...args: unknown[]) => unknown, path: string, shape: Shape | undefined) =>
  function (this: unknown, ...args: unknown[]) {
    reads.add(`${path}.()`)
    return watch(fn.apply(this, args), `${path}.()`, shape && shapeAt(shape, ['()']))
  }

/**
 * `value` as a watcher of the reads at `path`; `shape` (what the record says is there, if anything)
 * tells a component from a function. Frozen values (React elements) cannot be proxied: they pass.
 */
export function watch(value: unknown, path: string, shape?: Shape): unknown {
  if (typeof value === 'function') {
    if (shape && shape.kind === 'component') return watchComponent(value as never, path, shape)
    return watchFunction(value as (...args: unknown[]) => unknown, path, shape)
  }
  if (typeof value !== 'object' || value === null || targetOf.has(value) || Object.isFrozen(value)) return value
  const byPath = proxiesOf.get(value) || new Map<string, object>()
  proxiesOf.set(value, byPath)
  const known = byPath.get(path)
  if (known) return known
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      const result = Reflect.get(target, key, receiver)
      const segment = typeof key === 'string' ? segmentOf(target, key) : undefined
      if (segment === undefined) return result
      reads.add(`${path}.${segment}`)
      return watch(result, `${path}.${segment}`, shape && shapeAt(shape, [segment]))
    },
  })
  targetOf.set(proxy, value)
  byPath.set(path, proxy)
  return proxy
}

/** A prop value as the real component would get it: watched values go in unwatched. */
const unwatched = (value: unknown) => (typeof value === 'object' && value !== null && targetOf.get(value)) || value

function watchComponent(
  Component: ComponentType<Record<string, unknown>> & Record<string, unknown>,
  path: string,
  shape: Extract<Shape, { kind: 'component' }>
) {
  const Watched = (props: Record<string, unknown>) => {
    for (const key of Object.keys(props)) reads.add(`${path}.props.${key}`)
    return React.createElement(Component, Object.fromEntries(Object.entries(props).map(([key, value]) => [key, unwatched(value)])))
  }
  for (const [name, member] of Object.entries(shape.statics || {}))
    (Watched as unknown as Record<string, unknown>)[name] = watch(Component[name], `${path}.${name}`, member)
  return Watched
}

/** The stand-in of `specifier` with each recorded export watched (the others as they are). */
export function watchModule(specifier: string): Record<string, unknown> {
  const module = realModule(specifier)
  if (!module) throw new Error(`${specifier} is not recorded in realShapes.ts`)
  const actual = jest.requireActual(specifier) as Record<string, unknown>
  const watched: Record<string, unknown> = { ...actual }
  for (const [name, shape] of Object.entries(module.exports)) watched[name] = watch(actual[name], `${specifier} ${name}`, shape)
  watchedModules.add(specifier)
  return { ...watched, __esModule: true }
}
