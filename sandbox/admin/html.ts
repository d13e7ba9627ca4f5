/** The sandbox's pages around the admin app: the Admin's frame (logged in) and the settings editor. */
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

const SANDBOX_BAR = (current: string) => `
<header class="sandbox-bar" aria-label="Sandbox">
  <strong>ads-events sandbox</strong>
  <nav aria-label="Sandbox pages">
    <a href="/admin/ads-events"${current === 'admin' ? ' aria-current="page"' : ''}>Admin: Ads Events</a>
    <a href="/_sandbox/settings"${current === 'settings' ? ' aria-current="page"' : ''}>Apps &gt; App Settings (sandbox)</a>
    <a href="/">Store</a>
    <a href="/_sandbox">Dashboard</a>
  </nav>
</header>`

const BAR_STYLE = `
.sandbox-bar { display: flex; gap: 24px; align-items: center; padding: 8px 24px; background: #142032; color: #fff; font: 14px/1.4 system-ui, sans-serif; }
.sandbox-bar nav { display: flex; gap: 16px; flex-wrap: wrap; }
.sandbox-bar a { color: #9fc6ff; }
.sandbox-bar a[aria-current] { color: #fff; font-weight: 600; }`

export function adminHtml(locale: string): string {
  return `<!doctype html>
<html lang="${escape(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ads Events · VTEX Admin (sandbox)</title>
<link rel="stylesheet" href="/_sandbox/admin/tachyons.css">
<link rel="stylesheet" href="/_sandbox/admin/app.css">
<style>${BAR_STYLE} body { margin: 0; background: #f2f4f5; }</style>
</head>
<body>
${SANDBOX_BAR('admin')}
<div id="root"></div>
<script src="/_sandbox/admin/app.js"></script>
</body>
</html>`
}

export function settingsHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>App Settings · Ads Events (sandbox)</title>
<style>${BAR_STYLE}
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; background: #f2f4f5; color: #142032; }
main { max-width: 720px; margin: 24px auto; background: #fff; padding: 24px 32px; border-radius: 8px; }
label { display: block; margin-top: 16px; font-weight: 600; }
input[type=text], select, textarea { width: 100%; box-sizing: border-box; padding: 8px; font: inherit; border: 1px solid #979899; border-radius: 4px; }
textarea { min-height: 110px; font-family: ui-monospace, monospace; font-size: 13px; }
.check { display: flex; gap: 8px; align-items: center; font-weight: 400; }
button { margin-top: 24px; padding: 10px 20px; font: inherit; font-weight: 600; background: #134cd8; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
#result { margin-top: 16px; }
.hint { color: #5e6e84; font-size: 13px; margin: 4px 0 0; }
</style>
</head>
<body>
${SANDBOX_BAR('settings')}
<main>
<h1>Apps &gt; App Settings &gt; Ads Events</h1>
<p class="hint">The sandbox's stand-in for the app's settings page. Secrets (impact.com token, OpenAI key) are kept and never shown. Broadcasts see a change within 15 s (the service caches settings); a replay from the admin reads them at once.</p>
<form id="settings">
  <label for="publisherId">VTEX Ads publisher ID</label><input type="text" id="publisherId" name="publisherId">
  <label for="brand">Brand (site) name</label><input type="text" id="brand" name="brand">
  <label for="brandMappings">Brand per sales channel or hostname (JSON rows)</label>
  <textarea id="brandMappings" name="brandMappings" aria-describedby="brandMappings-hint"></textarea>
  <p class="hint" id="brandMappings-hint">e.g. [{"salesChannel": "3", "brand": "My Store Outlet"}]. The sandbox publisher's sites: <span id="sites"></span>.</p>
  <label for="channel">Sales channel name</label><input type="text" id="channel" name="channel">
  <label for="conversionStatus">Send the conversion when the order reaches</label>
  <select id="conversionStatus" name="conversionStatus">
    <option value="order-created">Order placed</option><option value="payment-approved">Payment approved</option>
    <option value="ready-for-handling">Ready for handling</option><option value="invoiced">Invoiced</option>
  </select>
  <label class="check"><input type="checkbox" id="vtexAdsEnabled" name="vtexAdsEnabled"> Send conversions to VTEX Ads</label>
  <label class="check"><input type="checkbox" id="impactEnabled" name="impactEnabled"> Send conversions to impact.com</label>
  <label class="check"><input type="checkbox" id="openaiEnabled" name="openaiEnabled"> Send conversions to OpenAI Ads</label>
  <button type="submit">Save</button>
  <div id="result" role="status" aria-live="polite"></div>
</form>
</main>
<script>
const form = document.getElementById('settings')
const result = document.getElementById('result')
const TEXT = ['publisherId', 'brand', 'channel', 'conversionStatus']
const FLAGS = ['vtexAdsEnabled', 'impactEnabled', 'openaiEnabled']
fetch('/_sandbox/settings.json').then((r) => r.json()).then(({ settings, sites }) => {
  for (const key of TEXT) form.elements[key].value = settings[key] ?? ''
  for (const key of FLAGS) form.elements[key].checked = settings[key] !== false
  form.elements.brandMappings.value = JSON.stringify(settings.brandMappings ?? [], null, 2)
  document.getElementById('sites').textContent = sites.join(', ')
})
form.addEventListener('submit', async (event) => {
  event.preventDefault()
  let brandMappings
  try { brandMappings = JSON.parse(form.elements.brandMappings.value || '[]') } catch { result.textContent = 'Brand mappings: not valid JSON.'; return }
  const change = { brandMappings }
  for (const key of TEXT) change[key] = form.elements[key].value.trim()
  for (const key of FLAGS) change[key] = form.elements[key].checked
  const answer = await fetch('/_sandbox/settings.json', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) })
  const body = await answer.json()
  result.textContent = answer.ok ? 'Saved.' : 'Not saved: ' + body.error
})
</script>
</body>
</html>`
}
