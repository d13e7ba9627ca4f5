import { IOClients } from '@vtex/api'
import { VtexAdsEventsClient } from './vtexAds'
import { ImpactClient } from './impact'
import { OpenAIAdsClient } from './openaiAds'
import { VtexAdsQueryClient } from './vtexAdsQuery'
import { CheckoutConfigurationClient } from './checkoutConfiguration'
import { OmsClient } from './oms'
import { SchedulerClient } from './scheduler'

/** One getter per remote system; the platform builds each lazily per request. */
export class Clients extends IOClients {
  public get oms() {
    return this.getOrSet('oms', OmsClient)
  }

  public get vtexAdsEvents() {
    return this.getOrSet('vtexAdsEvents', VtexAdsEventsClient)
  }

  public get impact() {
    return this.getOrSet('impact', ImpactClient)
  }

  public get openaiAds() {
    return this.getOrSet('openaiAds', OpenAIAdsClient)
  }

  public get vtexAdsQuery() {
    return this.getOrSet('vtexAdsQuery', VtexAdsQueryClient)
  }

  public get scheduler() {
    return this.getOrSet('scheduler', SchedulerClient)
  }

  public get checkoutConfiguration() {
    return this.getOrSet('checkoutConfiguration', CheckoutConfigurationClient)
  }
}
