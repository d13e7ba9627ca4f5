/**
 * What the store's GraphQL gateway does with an app query before the app sees it: the
 * `@context(provider: "vendor.app")` directive names the app that serves the field, and is taken
 * off (the app's own schema does not define it). The sandbox serves one app, so a query naming
 * another provider is refused.
 */
const CONTEXT = /\s*@context\(\s*provider:\s*"([^"]+)"\s*\)/g

export function routeToProvider(query: string, appName: string): { ok: true; query: string } | { ok: false; message: string } {
  const providers = [...query.matchAll(CONTEXT)].map((match) => match[1])
  const foreign = providers.find((provider) => provider !== appName)
  if (foreign) return { ok: false, message: `the sandbox serves ${appName} only, not ${foreign}` }
  return { ok: true, query: query.replace(CONTEXT, '') }
}
