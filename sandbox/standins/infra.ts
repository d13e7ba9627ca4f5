import { createHash } from 'crypto'
import { json, type StandIn } from '../lib/standIn'
import type { SandboxState } from '../state'

/** A file's version: a hash of its content, the `hash` of listings and (quoted) the ETag of reads and saves. */
const hashOf = (content: Buffer): string => createHash('sha1').update(content).digest('hex')
const etagOf = (content: Buffer): string => `"${hashOf(content)}"`

/**
 * VBase's conditional write (@vtex/api's VBase client sends `If-Match` on saveJSON, saveFile and
 * deleteFile): refused with 412 when the file is missing or has changed since that ETag was read.
 */
const preconditionFailed = (ifMatch: string | string[] | undefined, stored: Buffer | undefined): boolean =>
  typeof ifMatch === 'string' && (stored === undefined || etagOf(stored) !== ifMatch)

/**
 * The IO infra services the app uses: VBase (the delivery ledger) and Apps (the app settings),
 * at https://infra.io.vtex.com/{service}/v{major}/{account}/{workspace}/… .
 */
export function infraStandIn(state: SandboxState): StandIn {
  return {
    name: 'infra',
    hosts: ['infra.io.vtex.com'],
    handle({ method, url, body, headers }) {
      const file = /^\/vbase\/v2\/([^/]+)\/([^/]+)\/buckets\/([^/]+)\/([^/]+)\/files\/(.+)$/.exec(url.pathname)
      if (file) {
        const [, account, workspace, app, bucket, path] = file
        const key = [account, workspace, app, bucket, path].join('/')
        if (method === 'GET') {
          const stored = state.vbase.get(key)
          return stored ? { status: 200, headers: { 'content-type': 'application/json', etag: etagOf(stored) }, body: stored } : json(404, { code: 'FileNotFound', message: 'File not found' })
        }
        if ((method === 'PUT' || method === 'DELETE') && preconditionFailed(headers['if-match'], state.vbase.get(key)))
          return json(412, { code: 'PreconditionFailed', message: 'The file changed since the given ETag' })
        if (method === 'PUT') {
          state.vbase.set(key, body)
          return json(200, [{ path, hash: hashOf(body) }], { etag: etagOf(body) })
        }
        if (method === 'DELETE') {
          state.vbase.delete(key)
          return { status: 204 }
        }
      }
      const listing = /^\/vbase\/v2\/([^/]+)\/([^/]+)\/buckets\/([^/]+)\/([^/]+)\/files$/.exec(url.pathname)
      if (listing && method === 'GET') {
        // Pages of `limit` names (default 1,000), the next one named by `next`, as VBase lists them.
        const paths = state.vbase.list(listing.slice(1, 5).join('/'), url.searchParams.get('prefix') ?? '')
        const limit = Math.max(1, Number(url.searchParams.get('limit') ?? 1000) || 1000)
        const start = Number(url.searchParams.get('next') ?? 0) || 0
        const data = paths.slice(start, start + limit).map((path) => ({ path, hash: hashOf(state.vbase.get(`${listing.slice(1, 5).join('/')}/${path}`) ?? Buffer.alloc(0)) }))
        return json(200, { data, next: start + limit < paths.length ? String(start + limit) : null })
      }
      const settings = /^\/apps\/v0\/[^/]+\/[^/]+\/apps\/([^/]+)\/settings$/.exec(url.pathname)
      if (settings && method === 'GET') return json(200, state.settings)
      return undefined
    },
    describe: ({ method, url }, reply) => `${method} ${decodeURIComponent(url.pathname.replace(/^\/vbase\/v2\/[^/]+\/[^/]+\/buckets\/[^/]+\//, 'vbase:'))} → ${reply.status}`,
  }
}
