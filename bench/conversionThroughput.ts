import { toConversion } from '../node/conversion/conversion'
import { vtexAdsDestination } from '../node/destinations/vtexAds'
import { normalizeSettings } from '../node/settings/appSettings'
import { benchOrder } from './orders'

/**
 * orders_per_sec: mapping + hashing + validation of a 10-item order (VTEX Ads body), on one core
 * (one thread, nothing else running in it). Distinct order objects, so nothing is memoized.
 */
export function conversionOrdersPerSec(durationMs = 1_500): number {
  const settings = normalizeSettings({ publisherId: 'bench-publisher', brand: 'Bench' })
  const orders = Array.from({ length: 256 }, (_, index) => benchOrder(index))
  const now = Date.now()
  const once = (index: number) => {
    const preparation = vtexAdsDestination.prepare(toConversion(orders[index % orders.length]), settings, now)
    if (preparation.kind !== 'ready') throw new Error(`bench order not ready: ${JSON.stringify(preparation)}`)
  }
  for (let index = 0; index < 2_000; index++) once(index) // warm-up: JIT and Ajv caches

  let done = 0
  const started = process.hrtime.bigint()
  const deadline = started + BigInt(durationMs) * 1_000_000n
  while (process.hrtime.bigint() < deadline) {
    for (let batch = 0; batch < 100; batch++) once(done++)
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return Math.round(done / seconds)
}
