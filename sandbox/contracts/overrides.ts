import type { OpenAPIV3 } from 'openapi-types'

/**
 * Where VTEX's published schema is wrong about real data, the sandbox corrects that one spot, with
 * the evidence, instead of turning validation off. Each override is applied to the spec in memory
 * (the vendored file stays VTEX's), and a unit test proves each is needed: without it, the real
 * data named in `provenBy` fails validation.
 */
export interface SchemaOverride {
  /** VendoredSpec.name */
  spec: string
  /** `GET /api/oms/pvt/orders/{orderId}` */
  operation: string
  /** Which schema of the operation: the request body or the answer of one status code. */
  schema: 'request' | `response ${number}`
  /** Property names from that schema down to the wrong one; `[]` steps into an array's items. */
  path: string[]
  /**
   * nullable: real answers carry null where the schema allows only its type;
   * optional: real answers leave out a property the schema requires;
   * types: real answers carry other JSON types instead;
   * enumAlso: real answers carry values the enum does not list;
   * dataKeys: an object whose keys are data (one per value found), not the fixed set of one example.
   */
  change: 'nullable' | 'optional' | 'dataKeys' | { types: string[] } | { enumAlso: string[] }
  /** What real data does, and the public evidence of it. */
  evidence: string
  /** The real data (fixture path in this repository) that fails without the override. */
  provenBy: string
}

/** provenBy of the List orders overrides: the stand-in's answer over the fixture orders (sandbox/standins/omsList.ts). */
export const LIST_ORDERS_ANSWER = 'sandbox/standins/omsList.ts, List orders over the fixture orders'

const GET_ORDER = { spec: 'Orders API', operation: 'GET /api/oms/pvt/orders/{orderId}', schema: 'response 200' } as const

/** VTEX's own examples of the order this schema describes, in the same vendored files. */
const ORDER_GROUP_EXAMPLE = '"VTEX - Orders API.json", GET /api/oms/pvt/orders/order-group/{orderGroup}, answer 200 example'
const PII_ORDER_EXAMPLE =
  '"VTEX - Orders API PII version.json", GET /api/orders/pvt/document/{orderId}, answer 200 example (node/__fixtures__/openapi/orders-api-pii-get-order.json)'
const INSTORE_DOC =
  'VTEX developer docs "How to identify the store and sales associate in an inStore order" (developers.vtex.com, slug how-to-identify-the-store-and-sales-associate-in-an-instore-order): the Orders API\'s marketingData with utmPartner, coupon, utmiCampaign, utmipage and utmiPart all null'

const marketingField = (name: string, evidence: string): SchemaOverride => ({
  ...GET_ORDER,
  path: ['marketingData', name],
  change: 'nullable',
  evidence,
  provenBy: 'node/__fixtures__/orders/simple.json',
})

export const SCHEMA_OVERRIDES: SchemaOverride[] = [
  // An order placed without UTM parameters or coupon: OMS answers these fields null.
  marketingField('utmPartner', `${ORDER_GROUP_EXAMPLE} and ${PII_ORDER_EXAMPLE}: "utmPartner": null; ${INSTORE_DOC}`),
  marketingField('coupon', `${PII_ORDER_EXAMPLE}: "coupon": null; ${INSTORE_DOC}`),
  marketingField('utmiCampaign', INSTORE_DOC),
  marketingField('utmipage', INSTORE_DOC),
  marketingField('utmiPart', INSTORE_DOC),
  {
    ...GET_ORDER,
    path: ['items', '[]', 'costPrice'],
    change: 'nullable',
    evidence: `${ORDER_GROUP_EXAMPLE} and ${PII_ORDER_EXAMPLE}: "costPrice": null (a store that keeps no cost price)`,
    provenBy: 'node/__fixtures__/orders/simple.json',
  },
  {
    ...GET_ORDER,
    path: ['items', '[]', 'priceTags', '[]'],
    change: { types: ['object'] },
    evidence: `the schema's own description says "List of objects with item's price modifiers" while typing the items as strings; ${PII_ORDER_EXAMPLE}: priceTags [{"name": "discount@price-…", "rawValue": -80.98, "isPercentual": false, "identifier": "…"}]`,
    provenBy: 'node/__fixtures__/orders/chile-clp.json',
  },
  {
    ...GET_ORDER,
    path: ['items', '[]', 'unitMultiplier'],
    change: { types: ['number'] },
    evidence:
      'VTEX known issue "Sugestões para definir o unitMultiplier menor que 1 como 0" (help.vtex.com/pt/known-issues/sugestoes-para-definir-o-unitmultiplier-menor-que-1-como-0): sellers send SKUs with a unitMultiplier below 1 (items sold by weight, e.g. 0.5 kg); the schema calls it an integer',
    provenBy: 'node/__fixtures__/orders/weighed-and-packs.json',
  },
  {
    ...GET_ORDER,
    path: ['totals', '[]', 'id'],
    change: { enumAlso: ['Change'] },
    evidence:
      '"VTEX - Orders API.json", GET /api/oms/user/orders/{orderId}, answer 200 example: a changed order\'s totals end with {"id": "Change", "name": "Total das mudanças", "value": -3290}; the enum lists only Items, Discounts, Shipping, Tax',
    provenBy: 'node/__fixtures__/orders/changed-order.json',
  },
  {
    ...GET_ORDER,
    path: ['orderGroup'],
    change: 'nullable',
    evidence:
      'VTEX developer docs "Get order" (developers.vtex.com, slug getorderpiicompliant), answer example: "orderGroup": null (an order that is not part of a group, e.g. a seller\'s fulfillment order)',
    provenBy: 'node/__fixtures__/orders/marketplace-fulfillment.json',
  },
  {
    ...GET_ORDER,
    path: ['shippingData', 'address', 'complement'],
    change: 'nullable',
    evidence: `the schema describes it as the complement "when it applies"; VTEX's own examples of order addresses without one carry null: ${PII_ORDER_EXAMPLE} invoiceData.address "complement": null, and the developer docs "Get order" example billingAddress "complement": null`,
    provenBy: 'node/__fixtures__/orders/weighed-and-packs.json',
  },
  {
    ...GET_ORDER,
    path: ['shippingData', 'selectedAddresses', '[]', 'complement'],
    change: 'nullable',
    evidence: 'the same address as shippingData.address, as the order lists it among its selected addresses (see the override above)',
    provenBy: 'node/__fixtures__/orders/weighed-and-packs.json',
  },
  // List orders' stats facets are keyed by the values found (origin Fulfillment/Marketplace, currency BRL in
  // the account the schema was drawn from): VTEX's own example of the same stats answers them empty.
  ...['totalValue', 'totalItems'].map((figure): SchemaOverride => ({
    spec: 'Orders API',
    operation: 'GET /api/oms/pvt/orders',
    schema: 'response 200',
    path: ['stats', 'stats', figure, 'Facets'],
    change: 'dataKeys',
    evidence:
      '"VTEX - Orders API.json", GET /api/oms/user/orders, answer 200 example: the same stats object with "Facets": {}; List orders\' schema requires the keys of its one example (origin Fulfillment and Marketplace, currencyCode BRL), which a store without fulfillment orders or selling in CLP never has',
    provenBy: LIST_ORDERS_ANSWER,
  })),
  // Checkout's orderForm configuration is saved by re-posting what GET answered ("This request
  // overwrites the entire configuration … Always retrieve the current configuration beforehand",
  // POST's own description); VTEX's GET example answers these null, which POST's schema refuses.
  ...[['paymentConfiguration', 'blockPaymentSession'], ['maxNumberOfWhiteLabelSellers'], ['maskFirstPurchaseData']].map(
    (path): SchemaOverride => ({
      spec: 'Checkout API',
      operation: 'POST /api/checkout/pvt/configuration/orderForm',
      schema: 'request',
      path,
      change: 'nullable',
      evidence: `"VTEX - Checkout API.json", GET /api/checkout/pvt/configuration/orderForm, answer 200 example: "${path.at(-1)}": null; POST's description: re-post the configuration GET answered, whole`,
      provenBy: 'node/__fixtures__/openapi/checkout-api-get-orderform-configuration.json',
    })
  ),
]

type Schema = OpenAPIV3.SchemaObject & { $ref?: string }

/** Follows local `$ref`s (`#/components/...`), so an override lands on the shared component. */
function resolve(document: OpenAPIV3.Document, node: unknown): Schema {
  let current = node as Schema
  for (let hops = 0; current?.$ref && hops < 20; hops++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], document) as Schema
  }
  return current
}

const fail = (override: SchemaOverride, reason: string): never => {
  throw new Error(`override ${override.spec} ${override.operation} ${override.schema} ${override.path.join('.')}: ${reason}`)
}

/** The schema that holds property `name`: the node itself or one of its allOf/anyOf/oneOf members. */
function holderOf(document: OpenAPIV3.Document, node: Schema, name: string): Schema | undefined {
  if (node.properties?.[name]) return node
  for (const member of [...(node.allOf ?? []), ...(node.anyOf ?? []), ...(node.oneOf ?? [])]) {
    const holder = holderOf(document, resolve(document, member), name)
    if (holder) return holder
  }
  return undefined
}

export function applyOverride(document: OpenAPIV3.Document, override: SchemaOverride): void {
  const [method, path] = override.operation.split(' ')
  const operation = document.paths[path]?.[method.toLowerCase() as OpenAPIV3.HttpMethods]
  if (!operation) return fail(override, 'no such operation')
  const content =
    override.schema === 'request'
      ? (resolve(document, operation.requestBody) as OpenAPIV3.RequestBodyObject | undefined)?.content
      : (resolve(document, operation.responses[override.schema.split(' ')[1]]) as OpenAPIV3.ResponseObject | undefined)?.content
  const json = Object.entries(content ?? {}).find(([type]) => type.split(';')[0].trim().toLowerCase() === 'application/json')?.[1]
  let node = resolve(document, json?.schema)
  if (!node) return fail(override, 'no JSON schema there')
  let holder: Schema | undefined
  for (const step of override.path) {
    if (step === '[]') {
      holder = undefined
      node = resolve(document, (node as OpenAPIV3.ArraySchemaObject).items)
    } else {
      holder = holderOf(document, node, step)
      if (!holder) return fail(override, `no property ${step}`)
      node = resolve(document, holder.properties![step])
    }
    if (!node) return fail(override, `nothing at ${step}`)
  }
  const name = override.path.at(-1)!
  if (override.change === 'optional') {
    if (!holder?.required?.includes(name)) return fail(override, 'not required there')
    holder.required = holder.required.filter((required) => required !== name)
  } else if (override.change === 'dataKeys') {
    if (!node.properties) return fail(override, 'no properties there')
    delete node.properties
    delete node.required
  } else if (override.change === 'nullable') {
    node.nullable = true
    if (node.enum && !node.enum.includes(null)) node.enum = [...node.enum, null]
  } else if ('types' in override.change) {
    ;(node as { type?: unknown }).type = override.change.types
  } else {
    if (!node.enum) return fail(override, 'no enum there')
    node.enum = [...node.enum, ...override.change.enumAlso]
  }
}
