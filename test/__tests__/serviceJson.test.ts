/**
 * node/service.json against VTEX's "Service" page (developers.vtex.com, vtex-io-documentation-service:
 * the parameters table and their limits) and @vtex/api 6.51.3's own RawServiceJSON type. A key the
 * platform ignores is a key a reader trusts for nothing: `ttl` is "fixed at 24 hours for all IO apps
 * … ignored if declared in the service.json file" (release note 2025-04-25, "VTEX IO: TTL parameter
 * standardized for all IO apps").
 */
import { readFileSync } from 'fs'
import { join } from 'path'

const service = JSON.parse(readFileSync(join(__dirname, '..', '..', 'node', 'service.json'), 'utf8')) as Record<string, unknown>

/** The documented top-level parameters, plus `stack`, which @vtex/api's RawServiceJSON requires ('nodejs'). */
const DOCUMENTED = ['stack', 'memory', 'minReplicas', 'maxReplicas', 'timeout', 'workers', 'rateLimitPerReplica', 'events', 'routes']
const EVENT_KEYS = ['sender', 'topics', 'settingsType', 'rateLimitPerReplica']
const ROUTE_KEYS = ['path', 'public', 'access', 'policies', 'rateLimitPerReplica']

describe('node/service.json', () => {
  it('declares only parameters the platform reads (no ttl)', () => {
    expect(Object.keys(service).filter((key) => !DOCUMENTED.includes(key))).toEqual([])
    expect(service).not.toHaveProperty('ttl')
    expect(service.stack).toBe('nodejs')
  })

  it('stays inside the documented limits', () => {
    const { memory, timeout, minReplicas, maxReplicas, workers } = service as Record<string, number>
    expect(memory).toBeLessThanOrEqual(1024)
    expect(timeout).toBeGreaterThanOrEqual(1)
    expect(timeout).toBeLessThanOrEqual(60)
    // "Minimum: 2 for installed apps"; maxReplicas "Minimum: 5, maximum: 60"; workers 1 to 4.
    expect(minReplicas).toBeGreaterThanOrEqual(2)
    expect(maxReplicas).toBeGreaterThanOrEqual(5)
    expect(maxReplicas).toBeLessThanOrEqual(60)
    expect(workers).toBeGreaterThanOrEqual(1)
    expect(workers).toBeLessThanOrEqual(4)
  })

  it('events and routes use documented keys only', () => {
    for (const [name, event] of Object.entries(service.events as Record<string, object>))
      expect([name, Object.keys(event).filter((key) => !EVENT_KEYS.includes(key))]).toEqual([name, []])
    for (const [name, route] of Object.entries(service.routes as Record<string, object>))
      expect([name, Object.keys(route).filter((key) => !ROUTE_KEYS.includes(key))]).toEqual([name, []])
  })
})
