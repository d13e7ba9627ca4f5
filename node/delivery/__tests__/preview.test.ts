import { sha256Hex } from '../../identity/hash'
import { spawnSync } from 'child_process'
import { mkdtempSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { previewOrder, REDACTED } from '../preview'
import { destinations } from '../../destinations'
import { CONSENT_REFUSED_SKIP } from '../../destinations/vtexAds'
import type { Destination } from '../../destinations/destination'
import { normalizeSettings } from '../../settings/appSettings'
import { loadOrder } from '../../__fixtures__'

const NOW = Date.parse('2026-11-21T00:00:00Z')
const ROOT = join(__dirname, '..', '..', '..')

describe('previewOrder', () => {
  it('shows the exact VTEX Ads request for a ready order', () => {
    const preview = previewOrder(loadOrder('simple'), normalizeSettings({ publisherId: 'pub-1' }), destinations, NOW)
    expect(preview.orderId).toBe('1390620512853-01')
    expect(preview.destinations.vtexAds).toMatchObject({
      status: 'ready',
      request: { method: 'POST', url: 'https://events.newtail-media.newtail.com.br/v1/beacon/conversion', body: { order_id: '1390620512853-01', publisher_id: 'pub-1' } },
    })
  })

  it('says skipped or invalid with the reason and errors', () => {
    const refused = { ...loadOrder('simple'), customData: { customApps: [{ id: 'ads-events', fields: { consent: 'denied' } }] } }
    expect(previewOrder(refused, normalizeSettings({ publisherId: 'p' }), destinations, NOW).destinations.vtexAds).toEqual({
      status: 'skipped',
      reason: CONSENT_REFUSED_SKIP,
    })
    expect(previewOrder(loadOrder('simple'), normalizeSettings({}), destinations, NOW).destinations.vtexAds).toMatchObject({
      status: 'invalid',
      reason: 'missing-setting: publisherId',
      errors: [expect.objectContaining({ setting: 'publisherId' })],
    })
    expect(previewOrder(loadOrder('simple'), normalizeSettings({ vtexAdsEnabled: false }), destinations, NOW).destinations.vtexAds).toEqual({
      status: 'skipped',
      reason: 'disabled in settings',
    })
  })

  it('redacts secrets in headers, URL and body, including encoded credentials', () => {
    const leaky: Destination = {
      name: 'impact',
      enabled: () => true,
      prepare: () => ({
        kind: 'ready',
        request: {
          method: 'POST',
          url: 'https://api.example/x?token=s3cr3t-token',
          headers: { Authorization: `Basic ${Buffer.from('sid:s3cr3t-token').toString('base64')}`, 'X-Key': 's3cr3t-token' },
          body: 'a=1&token=s3cr3t-token',
        },
      }),
      classify: () => ({ kind: 'sent' }),
      secrets: () => ['s3cr3t-token'],
    }
    const preview = JSON.stringify(previewOrder(loadOrder('simple'), normalizeSettings({}), [leaky], NOW))
    expect(preview).not.toContain('s3cr3t-token')
    expect(preview).not.toContain(Buffer.from('sid:s3cr3t-token').toString('base64'))
    expect(preview).toContain(`Basic ${REDACTED}`)
  })
})

describe('npm run preview', () => {
  const dir = mkdtempSync(join(tmpdir(), 'preview-'))
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'node', 'cli', 'preview.ts'), ...args], { cwd: ROOT, encoding: 'utf8' })

  it('prints one JSON object and exits 0 when it could decide', () => {
    const settings = join(dir, 'settings.json')
    writeFileSync(settings, JSON.stringify({ publisherId: 'pub-cli' }))
    const result = run('--order', join(ROOT, 'node', '__fixtures__', 'orders', 'corporate-multiseller.json'), '--settings', settings, '--now', '2026-11-22T00:00:00Z')
    expect(result.status).toBe(0)
    const output = JSON.parse(result.stdout)
    expect(output.destinations.vtexAds.status).toBe('ready')
    expect(output.destinations.vtexAds.request.body.is_company).toBe(true)
  })

  it('exits 1 with a clear message for unreadable input', () => {
    const missing = run('--order', join(dir, 'missing.json'))
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('cannot read the order file')
    const notJson = join(dir, 'bad.json')
    writeFileSync(notJson, '{"orderId": ')
    expect(run('--order', notJson).stderr).toContain('is not valid JSON')
    const notOrder = join(dir, 'array.json')
    writeFileSync(notOrder, '[]')
    expect(run('--order', notOrder).stderr).toContain('does not hold a JSON object')
    expect(run().stderr).toContain('usage:')
  })
})

describe('npm run preview --profile (a hard-masked order)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'node', 'cli', 'preview.ts'), ...args], { cwd: ROOT, encoding: 'utf8' })
  const order = join(ROOT, 'node', '__fixtures__', 'orders', 'hard-masked.json')
  const profile = join(ROOT, 'node', '__fixtures__', 'masterdata', 'CL-8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f.json')

  it('resolves the e-mail from the CL answer and says so, without printing it', () => {
    const result = run('--order', order, '--profile', profile, '--settings', join(ROOT, 'sandbox', 'settings.json'), '--now', '2026-11-22T00:00:00Z')
    expect(result.status).toBe(0)
    const output = JSON.parse(result.stdout)
    expect(output.notes).toContain('email-resolved: from the customer profile (Master Data CL)')
    expect(output.destinations.vtexAds.request.body.email_hashed).toBe(sha256Hex('ana.costa@example.com'))
    expect(result.stdout.toLowerCase()).not.toContain('ana.costa@example.com')
  })

  it('without it, the dead letter says why the e-mail is missing', () => {
    const output = JSON.parse(run('--order', order, '--settings', join(ROOT, 'sandbox', 'settings.json'), '--now', '2026-11-22T00:00:00Z').stdout)
    expect(output.destinations.vtexAds).toMatchObject({ status: 'invalid', reason: 'invalid-body: email-masked-unrecoverable; email-unresolved: the customer profile was not looked up' })
  })
})

describe('npm run backfill (dry run)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'node', 'cli', 'backfill.ts'), ...args], { cwd: ROOT, encoding: 'utf8' })

  it('lists the orders of the range the backfill would send, and what each destination would do', () => {
    const result = run('--from', '2026-11-20', '--to', '2026-11-21', '--settings', join(ROOT, 'sandbox', 'settings.json'), '--now', '2026-11-23T00:00:00Z')
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report.range).toEqual({ from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T23:59:59.999Z' })
    expect(report.orders.map((order: { orderId: string }) => order.orderId)).toContain('1390620512853-01')
    expect(report.orders.find((order: { orderId: string }) => order.orderId === '1390620512853-01').destinations).toEqual({ vtexAds: 'ready', impact: 'ready', openai: 'ready' })
    for (const order of report.orders) expect(Date.parse(order.placedAt)).toBeLessThanOrEqual(Date.parse('2026-11-21T23:59:59.999Z'))
  })

  it('refuses a range the admin refuses, with the same reason', () => {
    const result = run('--from', '2026-09-01', '--to', '2026-09-05', '--now', '2026-11-23T00:00:00Z')
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/30 days at most/)
  })
})
