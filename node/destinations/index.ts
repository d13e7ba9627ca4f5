import type { Destination } from './destination'
import { impactDestination } from './impact'
import { openaiDestination } from './openai'
import { vtexAdsDestination } from './vtexAds'

/** Every destination the pipeline knows, in delivery order (VTEX Ads first: it is the primary). */
export const destinations: Destination[] = [vtexAdsDestination, impactDestination, openaiDestination]
