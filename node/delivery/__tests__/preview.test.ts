import { spawnSync } from 'child_process'
import { mkdtempSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { previewOrder, REDACTED } from '../preview'
import { destinations } from '../../destinations'
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
    expect(previewOrder(loadOrder('no-identity'), normalizeSettings({ publisherId: 'p' }), destinations, NOW).destinations.vtexAds).toEqual({
      status: 'skipped',
      reason: 'no-identity: the order has no valid session_id',
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
