import { readFileSync } from 'fs'
import type { IncomingMessage, ServerResponse } from 'http'
import { SANDBOX_LOGINS, loadManifest, type Sandbox } from '../sandbox'
import { cookiesOf, readJson, send, sendJson } from '../storefront/http'
import { buildAdminBundle } from './build'
import { routeToProvider } from './graphqlGateway'
import { adminHtml, settingsHtml } from './html'
import { applyChange, editableView } from './settingsEditor'
import { APP_SETTINGS_PATH } from '../../react/admin/appSettings'

export const ADMIN_PATH = '/admin/ads-events'
const LOCALES = ['en', 'pt', 'es']
const ADMIN_COOKIE = 'VtexIdclientAutCookie'

const stylesheet = (module: string) => readFileSync(require.resolve(module), 'utf8')

/**
 * The merchant's side of the sandbox: the app's admin page as the VTEX Admin serves it, logged in
 * as the sandbox admin (its VtexIdclientAutCookie), its private GraphQL handed to the real Service
 * (the Service's @auth checks the cookie), and the settings editor. Returns true when it answered.
 */
export function createAdminRoutes(sandbox: Sandbox): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const manifest = loadManifest()
  const appName = `${manifest.vendor}.${manifest.name}`
  const styles: Record<string, () => string> = {
    '/_sandbox/admin/tachyons.css': () => stylesheet('vtex-tachyons/tachyons.min.css'),
  }

  return async (req, res, url) => {
    const { pathname } = url
    const method = req.method ?? 'GET'
    if (method === 'GET' && (pathname === ADMIN_PATH || pathname === '/admin/app/ads-events')) {
      const locale = LOCALES.includes(url.searchParams.get('locale') ?? '') ? url.searchParams.get('locale')! : 'en'
      // Logged in to the Admin: the cookie VTEX ID sets for the admin, sent with every private GraphQL call.
      send(res, 200, adminHtml(locale), 'text/html; charset=utf-8', {
        'Set-Cookie': `${ADMIN_COOKIE}=${SANDBOX_LOGINS.admin.token}; Path=/; HttpOnly; SameSite=Lax`,
      })
      return true
    }
    if (method === 'GET' && pathname === '/_sandbox/admin/app.js') {
      send(res, 200, (await buildAdminBundle()).js, 'text/javascript; charset=utf-8')
      return true
    }
    if (method === 'GET' && pathname === '/_sandbox/admin/app.css') {
      send(res, 200, (await buildAdminBundle()).css, 'text/css; charset=utf-8')
      return true
    }
    if (method === 'GET' && styles[pathname]) {
      send(res, 200, styles[pathname](), 'text/css; charset=utf-8')
      return true
    }
    if (method === 'POST' && pathname === '/_v/private/graphql/v1') {
      const body = (await readJson(req)) as { query?: unknown; variables?: Record<string, unknown> } | undefined
      if (typeof body?.query !== 'string') {
        sendJson(res, 400, { errors: [{ message: 'a query is required' }] })
        return true
      }
      const routed = routeToProvider(body.query, appName)
      if (!routed.ok) {
        sendJson(res, 400, { errors: [{ message: routed.message }] })
        return true
      }
      const answer = await sandbox.service!.graphql(routed.query, body.variables ?? {}, { cookies: cookiesOf(req) })
      sendJson(res, answer.status, answer.body)
      return true
    }
    // The admin's link to Apps > App Settings (the failure banner's first step) opens the sandbox's editor.
    if (method === 'GET' && pathname === APP_SETTINGS_PATH) {
      res.writeHead(302, { Location: '/_sandbox/settings' })
      res.end()
      return true
    }
    if (method === 'GET' && pathname === '/_sandbox/settings') {
      send(res, 200, settingsHtml(), 'text/html; charset=utf-8')
      return true
    }
    if (pathname === '/_sandbox/settings.json' && method === 'GET') {
      const publisher = sandbox.state.vtexAdsPublishers.get(String(sandbox.state.settings.publisherId))
      sendJson(res, 200, { settings: editableView(sandbox.state.settings), sites: publisher?.sites ?? [] })
      return true
    }
    if (pathname === '/_sandbox/settings.json' && method === 'PUT') {
      const changed = applyChange(sandbox.state.settings, await readJson(req))
      if (!changed.ok) {
        sendJson(res, 400, { error: changed.message })
        return true
      }
      sandbox.state.settings = changed.settings
      sendJson(res, 200, { settings: editableView(sandbox.state.settings) })
      return true
    }
    return false
  }
}
