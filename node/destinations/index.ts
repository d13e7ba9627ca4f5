import type { AppSettings } from '../settings/appSettings'
import type { Destination } from './destination'
import { impactDestination } from './impact'
import { openaiDestination } from './openai'
import { vtexAdsDestination } from './vtexAds'

/** Every destination the pipeline knows, in delivery order (VTEX Ads first: it is the primary). */
export const destinations: Destination[] = [vtexAdsDestination, impactDestination, openaiDestination]

/** The one "enabled destinations": those the merchant's settings switch on, in delivery order. */
export const enabledDestinations = <D extends Pick<Destination, 'enabled'>>(list: readonly D[], settings: AppSettings): D[] =>
  list.filter((destination) => destination.enabled(settings))
