import { adminMayListOrders, startBackfill } from '../backfill'
import { AdminAccess, AdminAccessDenied } from '../../admin/adminAccess'
import type { StateStore } from '../../scheduled/stateStore'
import type { ListOrdersQuery } from '../../clients/oms'

const memoryStore = () => {
  const files = new Map<string, unknown>()
  const store: StateStore = {
    get: async <T>(path: string) => files.get(path) as T | undefined,
    put: async (path, value) => void files.set(path, value),
    list: async (prefix) => [...files.keys()].filter((path) => path.startsWith(prefix)),
  }
  return { store, files }
}
const NOW = Date.parse('2026-11-23T12:00:00Z')
const refused = () => Object.assign(new Error('Request failed with status code 403'), { response: { status: 403 } })

describe('startBackfill on the admin’s token', () => {
  it("lists one order of the range with the admin's client before creating the job", async () => {
    const { store, files } = memoryStore()
    const asked: ListOrdersQuery[] = []
    const oms = { listOrders: async (query: ListOrdersQuery) => (asked.push(query), { list: [], paging: { total: 0, pages: 0, currentPage: 1, perPage: 1 } }) }
    const job = await startBackfill(store, '2026-11-20', '2026-11-22', NOW, adminMayListOrders(oms, new AdminAccess()))
    expect(asked).toEqual([{ dateField: 'creationDate', from: '2026-11-20T00:00:00.000Z', to: '2026-11-22T23:59:59.999Z', page: 1, perPage: 1 }])
    expect(job.status).toBe('queued')
    expect(files.size).toBe(1)
  })

  it('creates nothing when the admin may not list orders, and names the resource', async () => {
    const { store, files } = memoryStore()
    const admin = new AdminAccess()
    const oms = { listOrders: () => Promise.reject(refused()) }
    await expect(startBackfill(store, '2026-11-20', '2026-11-22', NOW, adminMayListOrders(oms, admin))).rejects.toBeInstanceOf(AdminAccessDenied)
    expect(admin.denied?.message).toMatch(/"List Orders" \(OMS\), needed to list the range's orders/)
    expect(files.size).toBe(0)
  })

  it('refuses a bad range before asking OMS anything', async () => {
    const listOrders = jest.fn()
    await expect(startBackfill(memoryStore().store, '2026-11-22', '2026-11-20', NOW, adminMayListOrders({ listOrders }, new AdminAccess()))).rejects.toThrow('from must be before to')
    expect(listOrders).not.toHaveBeenCalled()
  })
})
