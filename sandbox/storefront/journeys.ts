import type { DeliveryRecord } from '../../node/deliveryStore/ledger'
import type { VtexOrder } from '../../node/typings/order'
import type { StandIn, StandInRequest } from '../lib/standIn'

/**
 * What the dashboard shows a person: every beacon the events stand-in received with the session
 * and user id it carried, and per order the ad events of its session before it, then what each
 * destination did with its conversion: the loop impression → click → order → conversion.
 */
export interface BeaconSeen {
  at: number
  kind: string
  adId: string
  sessionId?: string
  userId?: string
  status: number
}

export interface Journey {
  orderId: string
  placedAt: string
  sessionId?: string
  userId?: string
  adEvents: BeaconSeen[]
  deliveries: Array<{ destination: string; status: string; reason?: string }>
}

const BEACON = /^\/v1\/beacon\/(impression|view|click)\/([^/]+)$/

const bodyOf = (request: StandInRequest): { session_id?: unknown; user_id?: unknown } => {
  try {
    return JSON.parse(request.body.toString('utf8'))
  } catch {
    return {}
  }
}

/**
 * Records each beacon the events stand-in answers, with the ids of its body (the stand-in keeps
 * the session id only). It wraps the stand-in's handler and changes nothing it answers.
 */
export const recordBeacons = (events: StandIn, seen: BeaconSeen[]) => {
  const handle = events.handle.bind(events)
  events.handle = async (request) => {
    const reply = await handle(request)
    const match = BEACON.exec(request.url.pathname)
    if (match && reply && request.method === 'POST') {
      const body = bodyOf(request)
      seen.push({
        at: Date.now(),
        kind: match[1],
        adId: match[2],
        sessionId: typeof body.session_id === 'string' ? body.session_id : undefined,
        userId: typeof body.user_id === 'string' ? body.user_id : undefined,
        status: reply.status,
      })
      if (seen.length > 2000) seen.splice(0, seen.length - 2000)
    }
    return reply
  }
}

const ourFields = (order: VtexOrder): Record<string, string> => {
  const app = (order.customData?.customApps ?? []).find((candidate) => candidate?.id === 'ads-events')
  return (app?.fields ?? {}) as Record<string, string>
}

/** Orders newest first, each with the accepted ad events of its session placed before it. */
export const journeys = (orders: VtexOrder[], beacons: BeaconSeen[], ledger: DeliveryRecord[]): Journey[] =>
  orders
    .map((order) => {
      const fields = ourFields(order)
      const placed = Date.parse(order.creationDate)
      return {
        orderId: order.orderId,
        placedAt: order.creationDate,
        sessionId: fields.session_id,
        userId: fields.user_id,
        adEvents: fields.session_id ? beacons.filter((beacon) => beacon.sessionId === fields.session_id && beacon.status === 202 && beacon.at <= placed) : [],
        deliveries: ledger.filter((record) => record.orderId === order.orderId).map(({ destination, status, reason }) => ({ destination, status, reason })),
      }
    })
    .sort((a, b) => Date.parse(b.placedAt) - Date.parse(a.placedAt))
