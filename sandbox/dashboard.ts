/**
 * The sandbox dashboard (/_sandbox), polling the page server every second:
 * - per order, newest first: the session and user id it carries, the ad events of that session
 *   before it (impression → view → click), and each destination's delivery of its conversion;
 * - every beacon the events stand-in received, with the session and user id it carried;
 * - everything the stand-ins received (OMS reads, ledger writes, conversions);
 * - what a real account would have refused: calls without their manifest policy, requests and
 *   stand-in answers that break VTEX's published OpenAPI (none, when all is well).
 */
export const dashboardHtml = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ads-events sandbox: dashboard</title>
<style>
body{font-family:ui-monospace,monospace;margin:24px;background:#fff;color:#111}
h2{margin-top:32px}table{border-collapse:collapse;width:100%}td,th{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;font-size:13px;vertical-align:top}
.s2{color:#1b7f3b}.s4{color:#b35c00}.s5{color:#b00020}.sent{color:#1b7f3b}.dead,.failed{color:#b00020}.skipped{color:#666}
.events span{display:inline-block;margin:0 6px 2px 0;padding:0 4px;border:1px solid #ccc;border-radius:3px}
</style></head><body>
<h1>ads-events sandbox</h1>
<p><a href="/">← store</a> · refreshes every second</p>
<h2>Violations: what a real account refuses (policies, VTEX's published OpenAPI)</h2>
<table><thead><tr><th>time</th><th>kind</th><th>call</th><th>why</th></tr></thead><tbody id="violations"></tbody></table>
<h2>Orders: the ad events of their session, and their conversions</h2>
<table><thead><tr><th>order</th><th>session_id / user_id</th><th>ad events of the session before the order</th><th>conversions</th></tr></thead><tbody id="orders"></tbody></table>
<h2>Beacons (newest first)</h2>
<table><thead><tr><th>time</th><th>event</th><th>ad</th><th>session_id</th><th>user_id</th><th>status</th></tr></thead><tbody id="beacons"></tbody></table>
<h2>Everything the stand-ins received</h2>
<table><thead><tr><th>time</th><th>stand-in</th><th>status</th><th>what</th></tr></thead><tbody id="rows"></tbody></table>
<script>
const esc = (value) => String(value ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
const time = (at) => new Date(at).toLocaleTimeString()
async function refresh() {
  const [{ beacons, orders }, rows, violations] = await Promise.all([fetch('/_sandbox/journeys.json').then((r) => r.json()), fetch('/_sandbox/received.json').then((r) => r.json()), fetch('/_sandbox/violations.json').then((r) => r.json())])
  const refused = violations.policy.map((v) => ({ at: v.at, kind: 'policy', call: v.method + ' ' + v.url, why: v.reason }))
    .concat(violations.contract.map((v) => ({ at: v.at, kind: 'contract ' + v.kind, call: v.method + ' ' + v.url + ' → ' + v.status, why: v.operation + ': ' + v.errors })))
  document.getElementById('violations').innerHTML = refused.map((v) => '<tr><td>' + esc(time(v.at)) + '</td><td class="s4">' + esc(v.kind) + '</td><td>' + esc(v.call) + '</td><td>' + esc(v.why) + '</td></tr>').join('') || '<tr><td colspan="4">none</td></tr>'
  document.getElementById('orders').innerHTML = orders.map((o) =>
    '<tr id="order-' + esc(o.orderId) + '"><td>' + esc(o.orderId) + '<br>' + esc(time(o.placedAt)) + '</td><td>' + esc(o.sessionId || '(no session: not from the store)') + '<br>' + esc(o.userId || '') +
    '</td><td class="events">' + (o.adEvents.map((e) => '<span>' + esc(time(e.at)) + ' ' + esc(e.kind) + ' ' + esc(e.adId) + '</span>').join('') || '(none)') +
    '</td><td>' + o.deliveries.map((d) => '<span class="' + esc(d.status) + '">' + esc(d.destination) + ': ' + esc(d.status) + (d.reason ? ' (' + esc(d.reason) + ')' : '') + '</span>').join('<br>') + '</td></tr>').join('')
  document.getElementById('beacons').innerHTML = beacons.slice().reverse().map((b) =>
    '<tr><td>' + esc(time(b.at)) + '</td><td>' + esc(b.kind) + '</td><td>' + esc(b.adId) + '</td><td>' + esc(b.sessionId) + '</td><td>' + esc(b.userId || '') + '</td><td class="s' + String(b.status)[0] + '">' + esc(b.status) + '</td></tr>').join('')
  document.getElementById('rows').innerHTML = rows.reverse().map((r) =>
    '<tr><td>' + esc(time(r.at)) + '</td><td>' + esc(r.standIn) + '</td><td class="s' + String(r.status)[0] + '">' + esc(r.status) + '</td><td>' + esc(r.summary) + '</td></tr>').join('')
  if (location.hash && !refresh.scrolled) document.querySelector(location.hash)?.scrollIntoView() && (refresh.scrolled = true)
}
refresh(); setInterval(refresh, 1000)
</script></body></html>`
