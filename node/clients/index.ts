import { IOClients } from '@vtex/api'
// Its own module: @vtex/api's index re-exports its clients while they are still loading (Masterdata.js
// requires the index back), so `MasterData` can be missing from '@vtex/api' at run time.
import { MasterData } from '@vtex/api/lib/clients/external/Masterdata'
import { VtexAdsEventsClient } from './vtexAds'
import { ImpactClient } from './impact'
import { OpenAIAdsClient } from './openaiAds'
import { VtexAdsQueryClient } from './vtexAdsQuery'
import { CheckoutConfigurationClient } from './checkoutConfiguration'
import { OmsClient } from './oms'
import { SchedulerClient } from './scheduler'
import { onAdminToken } from './adminToken'

/** Admin-initiated calls to the VTEX APIs whose access is the user's (OMS, checkout, Master Data CL); made on first use. */
let adminClients: { oms: typeof OmsClient; masterdata: typeof MasterData; checkoutConfiguration: typeof CheckoutConfigurationClient } | undefined
const adminClientClasses = () =>
  (adminClients ??= { oms: onAdminToken(OmsClient), masterdata: onAdminToken(MasterData), checkoutConfiguration: onAdminToken(CheckoutConfigurationClient) })

/**
 * One getter per remote system; the platform builds each lazily per request. The `admin…` getters
 * reach the same VTEX APIs on the admin's own token (ctx.vtex.adminUserAuthToken) for what an admin
 * starts from the admin page; events and the scheduled run use the others, on the app's token.
 */
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

  public get adminOms() {
    return this.getOrSet('adminOms', adminClientClasses().oms)
  }

  public get adminMasterdata() {
    return this.getOrSet('adminMasterdata', adminClientClasses().masterdata)
  }

  public get adminCheckoutConfiguration() {
    return this.getOrSet('adminCheckoutConfiguration', adminClientClasses().checkoutConfiguration)
  }
}
