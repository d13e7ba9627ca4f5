/**
 * The identity bridge's customData app and fields (DESIGN.md): the checkout is not a React page,
 * so the ids travel to the order inside the orderForm customData, app `ads-events`. The node
 * service registers that app and these fields in the checkout orderForm configuration.
 */
export const CUSTOM_DATA_APP = 'ads-events'
/** The ids: removed together when consent is refused, withdrawn or not given yet. */
export const ID_FIELDS = ['session_id', 'user_id', 'impact_click_id', 'oppref'] as const
/**
 * And `consent`, which holds `denied` once the shopper refused the store's consent manager: a
 * refusal with no identifier beside it, so the order goes to no platform that matches people
 * (VTEX Ads, OpenAI); removed when consent is given.
 */
export const BRIDGE_FIELDS = [...ID_FIELDS, 'consent'] as const
export type BridgeField = (typeof BRIDGE_FIELDS)[number]
export type BridgeValues = Partial<Record<BridgeField, string>>
