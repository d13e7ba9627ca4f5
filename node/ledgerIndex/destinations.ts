import type { DestinationName } from '../destinations/destination'

/** Every destination an order document has fields for (the schema's prefixes). */
export const DESTINATION_NAMES = ['vtexAds', 'impact', 'openai'] as const satisfies readonly DestinationName[]

// A destination added to DestinationName without fields in the index fails the type check here.
type Missing = Exclude<DestinationName, (typeof DESTINATION_NAMES)[number]>
export const everyDestinationIndexed: Missing extends never ? true : never = true
