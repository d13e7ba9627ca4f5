import http from 'http'
import { chromium, Browser, Page } from 'playwright-core'

import { bundleBrowserEntry, FIXTURE_ENTRY } from './build'
import { close, listen } from '../lib/servers'
import { readBody, send } from './http'
import type { GraphqlProvider } from './graphqlGateway'
import { createStorefrontRoutes, RENDER_SESSION_SCRIPT } from './routes'
import type { ContractViolation } from '../platform/contractGate'

/**
 * What browser tests and the bench share: Debian's Chromium, a page server on one origin
 * (fixture page + the sandbox checkout/session APIs) and a counting fake VTEX Ads events API
 * on another origin, so every beacon is cross-origin as in production.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })

export interface ReceivedEvent {
  kind: 'impression' | 'view' | 'click'
  adId: string
  body: { session_id?: string; user_id?: string }
  contentType: string
  origin?: string
  cookie?: string
  at: number
}

export interface EventsServer {
  /** e.g. http://localhost:4567 (the page is on 127.0.0.1: another origin and site). */
  baseUrl: string
  received: ReceivedEvent[]
  preflights: Array<{ path: string; origin?: string; requestHeaders?: string }>
  /** Requests refused as the real API would (wrong content type, missing session_id), with why. */
  refused: Array<{ path: string; reason: string }>
  /** Origins allowed by CORS (with credentials); anything else gets no CORS headers. */
  allowOrigin: (origin: string) => boolean
  count: (kind: ReceivedEvent['kind'], adId?: string) => number
  /** Resolves when `predicate` holds, or rejects after `ms`. */
  waitFor: (predicate: () => boolean, ms?: number) => Promise<void>
  reset: () => void
  close: () => Promise<void>
}

/** Fake VTEX Ads events API: 202 for a valid beacon, 422 otherwise; CORS with credentials for allowed origins. */
export const startEventsServer = async (): Promise<EventsServer> => {
  const events: EventsServer = {
    baseUrl: '',
    received: [],
    preflights: [],
    refused: [],
    allowOrigin: () => true,
    count: (kind, adId) => events.received.filter((e) => e.kind === kind && (adId === undefined || e.adId === adId)).length,
    waitFor: async (predicate, ms = 5000) => {
      const until = Date.now() + ms
      while (!predicate()) {
        if (Date.now() > until) throw new Error('timed out waiting for events')
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    },
    reset: () => {
      events.received.length = 0
      events.preflights.length = 0
      events.refused.length = 0
    },
    close: async () => close(server),
  }
  const cors = (origin: string | undefined): Record<string, string> =>
    origin && events.allowOrigin(origin)
      ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' }
      : {}

  const server = http.createServer(async (req, res) => {
    const origin = req.headers.origin
    const path = (req.url || '').split('?')[0]
    if (req.method === 'OPTIONS') {
      events.preflights.push({ path, origin, requestHeaders: req.headers['access-control-request-headers'] })
      res.writeHead(204, { ...cors(origin), 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Max-Age': '0' })
      res.end()
      return
    }
    const match = /^\/v1\/beacon\/(impression|view|click)\/([A-Za-z0-9._:~-]{1,128})$/.exec(path)
    if (req.method !== 'POST' || !match) {
      send(res, 404, 'not found', undefined, cors(origin))
      return
    }
    const raw = await readBody(req).catch(() => '')
    const contentType = req.headers['content-type'] || ''
    let body: ReceivedEvent['body'] = {}
    try {
      body = JSON.parse(raw)
    } catch {
      // refused below
    }
    const reason = !/^application\/json\b/.test(contentType) ? `content-type ${contentType}` : typeof body.session_id !== 'string' || !body.session_id ? 'missing session_id' : ''
    if (reason) {
      events.refused.push({ path, reason })
      send(res, 422, JSON.stringify([{ message: reason }]), 'application/json', cors(origin))
      return
    }
    events.received.push({ kind: match[1] as ReceivedEvent['kind'], adId: match[2], body, contentType, origin, cookie: req.headers.cookie, at: Date.now() })
    send(res, 202, JSON.stringify({ messages: ['event will be processed soon'] }), 'application/json', cors(origin))
  })
  const port = await listen(server)
  events.baseUrl = `http://localhost:${port}`
  return events
}

export interface PageServer {
  /** e.g. http://127.0.0.1:4568 */
  origin: string
  /** Milliseconds the session API waits before answering (identity resolution in flight). */
  sessionDelayMs: number
  /** The page's calls to VTEX's APIs that broke VTEX's published contracts (refused as VTEX refuses them). */
  contractViolations: ContractViolation[]
  close: () => Promise<void>
}

/** Like every Store Framework page, the fixture starts render-session's request at once (RENDER_SESSION_SCRIPT). */
const FIXTURE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>fixture</title><style>body{margin:0}</style></head><body><div id="root"></div>${RENDER_SESSION_SCRIPT}<script src="/assets/fixture.js"></script></body></html>`

/**
 * Serves `/fixture` (configure it with `page.addInitScript` setting window.__FIXTURE__),
 * `/next` (where ad links navigate) and the sandbox's checkout/session APIs.
 */
export const startPageServer = async (options: { production?: boolean; graphql?: GraphqlProvider } = {}): Promise<PageServer> => {
  const bundle = await bundleBrowserEntry(FIXTURE_ENTRY, options)
  // The pixel's public config comes from the app's GraphQL: pass a running Service's (sandbox.service.graphql) to render it.
  const contractViolations: ContractViolation[] = []
  const routes = createStorefrontRoutes({ graphql: options.graphql, contracts: { contractViolations } })
  const pages: PageServer = { origin: '', sessionDelayMs: 0, contractViolations, close: async () => close(server) }
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url || '/', pages.origin)
    if (url.pathname === '/fixture') return send(res, 200, FIXTURE_HTML, 'text/html; charset=utf-8')
    if (url.pathname === '/assets/fixture.js') return send(res, 200, bundle, 'text/javascript; charset=utf-8')
    if (url.pathname === '/next') return send(res, 200, '<!doctype html><title>next</title><p>next page</p>', 'text/html; charset=utf-8')
    if (url.pathname === '/favicon.ico') return send(res, 204, '')
    if (url.pathname === '/api/sessions' && pages.sessionDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, pages.sessionDelayMs))
    if (!(await routes(req, res, url))) send(res, 404, 'not found')
  })
  pages.origin = `http://127.0.0.1:${await listen(server)}`
  return pages
}

/**
 * The navigate-away trials of the click rule (test and bench alike): each loads the fixture
 * page (whose init script holds the ad) and clicks `selector`, a link that navigates away at
 * once. Every other trial clicks before the session API answered, so the click leaves from
 * the identity queue on pagehide. Counting what arrived is the caller's part.
 */
export const clickAwayTrials = async (page: Page, pages: PageServer, selector: string, trials: number): Promise<void> => {
  for (let trial = 0; trial < trials; trial++) {
    const beforeIdentity = trial % 2 === 1
    pages.sessionDelayMs = beforeIdentity ? 5000 : 0
    await page.goto(`${pages.origin}/fixture?trial=${trial}`, { waitUntil: beforeIdentity ? 'domcontentloaded' : 'load' })
    if (!beforeIdentity) await page.evaluate(() => window.__identity!())
    await Promise.all([page.waitForURL(`${pages.origin}/next`), page.click(selector)])
  }
  pages.sessionDelayMs = 0
}
