import type { OutboundRequest } from '../destinations/destination'
import { DestinationClient } from './destinationClient'

/** OpenAI Ads Conversions API (bzr.openai.com/v1/events). */
export class OpenAIAdsClient extends DestinationClient {
  sendEvents(request: OutboundRequest) {
    return this.send(request, 'openai-conversion')
  }
}
