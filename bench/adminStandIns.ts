/**
 * The stand-ins (sandbox proxy, VTEX ID, Master Data v2…) in a process of their own, with the
 * admin's index holding a large store's ledger: argv[2] records (default 1,000,000, three per order),
 * indexed as the app indexes them (toOrderIndexDocument: one document per order). Prints `ADMIN_STANDINS_READY <proxyPort> <seedMs>`.
 */
import { startSandbox } from '../sandbox/sandbox'
import { SANDBOX_APP_ID } from '../sandbox/service'
import { indexEntityName, INDEX_SCHEMA, INDEX_SCHEMA_NAME } from '../node/ledgerIndex/entity'
import { orderDocumentId, toOrderIndexDocument } from '../node/ledgerIndex/document'
import { ordersOf } from '../node/ledgerIndex/orderDocuments'
import { syntheticLedgerRecords } from './adminRecords'

async function main() {
  const count = Number(process.argv[2] ?? 1_000_000)
  const sandbox = await startSandbox({ service: false })
  const entity = indexEntityName(SANDBOX_APP_ID)
  sandbox.masterDataV2.saveSchema(entity, INDEX_SCHEMA_NAME, INDEX_SCHEMA as unknown as Record<string, unknown>)
  const started = Date.now()
  const documents = function* () {
    // One document per order (three records each), as the app indexes them.
    for (const order of ordersOf(syntheticLedgerRecords(count, started))) {
      yield { id: orderDocumentId(order.orderId), fields: toOrderIndexDocument(order) as unknown as Record<string, unknown> }
    }
  }
  sandbox.masterDataV2.collection(entity)!.putMany(documents())
  const seedMs = Date.now() - started
  // The bench reads no request log: keep memory flat.
  sandbox.state.onReceived(() => {
    if (sandbox.state.received.length > 1000) sandbox.state.received.length = 0
  })
  console.log(`ADMIN_STANDINS_READY ${sandbox.proxyPort} ${seedMs}`)
  process.on('SIGTERM', () => sandbox.stop().then(() => process.exit(0)))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
