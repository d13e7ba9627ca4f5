import { createServer, type IncomingHttpHeaders, type Server } from 'http'
import type { AddressInfo } from 'net'
import { ExternalClient, type InstanceOptions, type IOContext } from '@vtex/api'
import { ADMIN_RESOURCES, AdminAccess, AdminAccessDenied } from '../adminAccess'
import { adminTokenOf, onAdminToken } from '../../clients/adminToken'
import { deadlineIn } from '../../coordination/deadline'
import { readOrder } from '../../order/readOrder'
import { ProfileUnreadableError, resolveMaskedEmail } from '../../order/orderEmail'
import { loadOrder, HARD_MASKED_FIXTURE } from '../../__fixtures__'

const refused = () => Object.assign(new Error('Request failed with status code 403'), { response: { status: 403 } })

describe('AdminAccess', () => {
  it('turns a 403 into a refusal naming the License Manager resource, and keeps it', async () => {
    const admin = new AdminAccess()
    const calls: string[] = []
    const work = (name: string) => () => (calls.push(name), Promise.reject(refused()))
    await expect(admin.call(ADMIN_RESOURCES.viewOrder, 'read order 1-01', work('first'))).rejects.toThrow(
      'Your VTEX user\'s role is missing the License Manager resource "View order" (OMS), needed to read order 1-01.'
    )
    // Every later call of the same action fails at once, without a request.
    await expect(admin.call(ADMIN_RESOURCES.readDocuments, 'read a profile', work('second'))).rejects.toBe(admin.denied)
    expect(calls).toEqual(['first'])
    expect(admin.denied).toBeInstanceOf(AdminAccessDenied)
    expect(admin.denied?.code).toBe('FORBIDDEN')
  })

  it('lets other failures through as they are', async () => {
    const admin = new AdminAccess()
    const unavailable = Object.assign(new Error('503'), { response: { status: 503 } })
    await expect(admin.call(ADMIN_RESOURCES.viewOrder, 'read', () => Promise.reject(unavailable))).rejects.toBe(unavailable)
    await expect(admin.call(ADMIN_RESOURCES.viewOrder, 'read', async () => 'order')).resolves.toBe('order')
    expect(admin.denied).toBeUndefined()
  })

  it('ends the deadline at the first refusal, so the pipeline starts nothing new', async () => {
    const admin = new AdminAccess()
    const deadline = admin.deadline(deadlineIn(20_000))
    expect(deadline.remainingMs()).toBeGreaterThan(19_000)
    await admin.call(ADMIN_RESOURCES.viewOrder, 'read', () => Promise.reject(refused())).catch(() => undefined)
    expect(deadline.remainingMs()).toBe(0)
  })

  it('a refused order read ends at once, without waiting to retry', async () => {
    const admin = new AdminAccess()
    const sleeps: number[] = []
    const fetchOrder = () => admin.call(ADMIN_RESOURCES.viewOrder, 'read', () => Promise.reject(refused()))
    const read = await readOrder('1-01', fetchOrder, { deadline: admin.deadline(deadlineIn(20_000)), sleep: async (ms) => void sleeps.push(ms) })
    expect(read.kind).not.toBe('order')
    expect(sleeps).toEqual([])
  })

  it('a refused profile read never degrades into a conversion without the e-mail: the order is left for later', async () => {
    const admin = new AdminAccess()
    const lookup = () => admin.call(ADMIN_RESOURCES.readDocuments, 'read a profile', () => Promise.reject(refused()))
    await expect(resolveMaskedEmail(loadOrder(HARD_MASKED_FIXTURE), lookup)).rejects.toBeInstanceOf(ProfileUnreadableError)
  })

  it('run() answers with the refusal, whatever the action made of it', async () => {
    const admin = new AdminAccess()
    const swallowed = admin.run(async () => {
      await admin.call(ADMIN_RESOURCES.listOrders, 'list', () => Promise.reject(refused())).catch(() => undefined)
      return 'done anyway'
    })
    await expect(swallowed).rejects.toThrow(/"List Orders" \(OMS\)/)
    const rethrown = new AdminAccess()
    await expect(rethrown.run(() => rethrown.call(ADMIN_RESOURCES.orderFormConfiguration, 'register', () => Promise.reject(refused())))).rejects.toThrow(
      /"Save OrderForm Configuration" \(Checkout\)/
    )
    await expect(new AdminAccess().run(async () => 42)).resolves.toBe(42)
  })
})

describe('onAdminToken', () => {
  let server: Server
  let port: number
  const received: IncomingHttpHeaders[] = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req.headers)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  /** A client written like the app's (OMS, checkout): the app's token unless the options name another. */
  class Probe extends ExternalClient {
    constructor(context: IOContext, options?: InstanceOptions) {
      super(`http://127.0.0.1:${port}`, context, { ...options, headers: { VtexIdclientAutCookie: context.authToken, ...options?.headers } })
    }
    read() {
      return this.http.get('/api/x')
    }
  }
  const context = (adminUserAuthToken?: string) =>
    ({ account: 'mystore', workspace: 'master', authToken: 'app-token', adminUserAuthToken, region: 'aws-us-east-1', production: true, userAgent: 'test', logger: { warn() {}, error() {}, info() {} }, tracer: { isTraceSampled: false } }) as unknown as IOContext

  it("sends the admin's token as VtexIdclientAutCookie, the app's stays in Proxy-Authorization", async () => {
    const AdminProbe = onAdminToken(Probe)
    await new AdminProbe(context('admin-token')).read()
    await new Probe(context('admin-token')).read()
    expect(received.map((headers) => [headers['vtexidclientautcookie'], headers['proxy-authorization']])).toEqual([
      ['admin-token', 'app-token'],
      ['app-token', 'app-token'],
    ])
  })

  it("refuses to run without the admin's token rather than fall back to the app's", () => {
    const AdminProbe = onAdminToken(Probe)
    expect(() => new AdminProbe(context(undefined))).toThrow(/sign in to the VTEX Admin/)
    expect(() => adminTokenOf(context(''))).toThrow(/VtexIdclientAutCookie/)
    expect(adminTokenOf(context('t'))).toBe('t')
  })
})
