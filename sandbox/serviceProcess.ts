/**
 * Runs inside the child process started by service.ts, with cwd = the runtime tree: the real
 * @vtex/api worker serving the real node/ app.
 */
import type { AddressInfo } from 'net'

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startWorker } = require('@vtex/api/lib/service/worker')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getServiceJSON } = require('@vtex/api/lib/service/loaders')

const server = startWorker(getServiceJSON()).listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`SANDBOX_SERVICE_LISTENING ${(server.address() as AddressInfo).port}`)
})
