/**
 * The stand-ins and proxy alone, in a process of their own, so a benchmark measures the app's
 * process without the stand-ins competing for its event loop. Prints `STANDINS_READY <proxyPort>`.
 *   argv[2]: how many synthetic orders (bench-<n>-01, 10 items each) the OMS stand-in serves.
 */
import { loadSandboxSettings, startSandbox } from './sandbox'
import { benchOrder } from '../bench/orders'

async function main() {
  // The benchmark compares VTEX Ads delivery with its bare HTTP calls: the other destinations stay off.
  const sandbox = await startSandbox({ service: false, settings: { ...loadSandboxSettings(), impactEnabled: false, openaiEnabled: false }, proxyKeepAliveMs: 65_000 })
  const count = Number(process.argv[2] ?? 0)
  for (let index = 0; index < count; index++) {
    const order = benchOrder(index)
    sandbox.state.orders.set(order.orderId, order)
  }
  // The bench reads no request log: keep memory flat across thousands of requests.
  sandbox.state.received.length = 0
  sandbox.state.onReceived(() => {
    if (sandbox.state.received.length > 1000) sandbox.state.received.length = 0
  })
  // Between a benchmark's rounds: collect this round's garbage now, so the next round does not pay for it.
  process.on('message', (message) => {
    if (message !== 'gc') return
    ;(globalThis as { gc?: () => void }).gc?.()
    process.send?.('gc-done')
  })
  console.log(`STANDINS_READY ${sandbox.proxyPort}`)
  process.on('SIGTERM', () => {
    // A bench whose calls break VTEX's published contracts measures refusals, not deliveries: say so.
    const broken = sandbox.state.contractViolations
    if (broken.length > 0) console.error(`stand-ins: ${broken.length} contract violation(s), first: ${JSON.stringify(broken[0])}`)
    sandbox.stop().then(() => process.exit(0))
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
