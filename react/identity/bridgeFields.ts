/**
 * The identity bridge's customData app and fields (DESIGN.md): the checkout is not a React page,
 * so the ids travel to the order inside the orderForm customData, app `ads-events`. The node
 * service registers that app and these fields in the checkout orderForm configuration.
 */
export const CUSTOM_DATA_APP = 'ads-events'
export const BRIDGE_FIELDS = ['session_id', 'user_id', 'impact_click_id', 'oppref'] as const
export type BridgeField = (typeof BRIDGE_FIELDS)[number]
export type BridgeValues = Partial<Record<BridgeField, string>>
