import { useEffect, useState } from 'react'

/**
 * SKUs that VTEX's search integration shows as sponsored on this page, shared by every badge of the
 * page (one per product summary) so our own ad never marks a second copy of the same product.
 * Written in effects only: never on the server.
 */
const skus = new Map<string, number>()
const listeners = new Set<() => void>()
const notify = () => listeners.forEach((listener) => listener())

export const useRegisterNativeSku = (sku: string | undefined) => {
  useEffect(() => {
    if (!sku) return undefined
    skus.set(sku, (skus.get(sku) || 0) + 1)
    notify()
    return () => {
      const count = (skus.get(sku) || 1) - 1
      if (count === 0) skus.delete(sku)
      else skus.set(sku, count)
      notify()
    }
  }, [sku])
}

export const useNativeSkus = (): ReadonlySet<string> => {
  const [snapshot, setSnapshot] = useState<ReadonlySet<string>>(() => new Set(skus.keys()))
  useEffect(() => {
    const update = () => setSnapshot(new Set(skus.keys()))
    listeners.add(update)
    update()
    return () => {
      listeners.delete(update)
    }
  }, [])
  return snapshot
}
