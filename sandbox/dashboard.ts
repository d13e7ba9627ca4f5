/** A plain page that polls what the stand-ins received: beacons, order reads, ledger writes, conversions. */
export const dashboardHtml = () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ads-events sandbox: received</title>
<style>
body{font-family:ui-monospace,monospace;margin:24px;background:#fff;color:#111}
table{border-collapse:collapse;width:100%}td,th{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;font-size:13px}
.s2{color:#1b7f3b}.s4{color:#b35c00}.s5{color:#b00020}
</style></head><body>
<h1>What the stand-ins received</h1>
<p><a href="/">← store</a> · newest first · refreshes every second</p>
<table><thead><tr><th>time</th><th>stand-in</th><th>status</th><th>what</th></tr></thead><tbody id="rows"></tbody></table>
<script>
async function refresh(){
  const rows = await (await fetch('/_sandbox/received.json')).json()
  document.getElementById('rows').innerHTML = rows.reverse().map(r =>
    '<tr><td>'+new Date(r.at).toLocaleTimeString()+'</td><td>'+r.standIn+'</td><td class="s'+String(r.status)[0]+'">'+r.status+'</td><td>'+
    r.summary.replace(/[&<>]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]))+'</td></tr>').join('')
}
refresh(); setInterval(refresh, 1000)
</script></body></html>`
