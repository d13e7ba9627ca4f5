import type { OutboundRequest } from '../destinations/destination'
import { DestinationClient } from './destinationClient'

/** impact.com Conversions API (form-encoded, basic auth built by the destination). */
export class ImpactClient extends DestinationClient {
  sendConversion(request: OutboundRequest) {
    return this.send(request, 'impact-conversion')
  }
}
