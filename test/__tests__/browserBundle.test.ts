/**
 * What the react builder ships to the browser: every block at react/ root with all it imports.
 * Nothing from the server may be in it (node/ holds the settings, the secrets and the PII
 * normalization), and no setting that must stay server-side may even be named.
 */
import { build } from 'esbuild'
import { readdirSync } from 'fs'
import { join } from 'path'

const ROOT = join(__dirname, '..', '..')
const SERVER_ONLY_SETTINGS = ['publisherId', 'impactAuthToken', 'impactAccountSid', 'openaiApiKey', 'openaiPixelId', 'eventsBaseUrl', 'adsBaseUrl']

it('the storefront bundle imports nothing from the server and names no server-side setting', async () => {
  const blocks = readdirSync(join(ROOT, 'react')).filter((file) => /^[A-Z][A-Za-z]+\.tsx?$/.test(file))
  expect(blocks).toEqual(expect.arrayContaining(['AdTracker.tsx', 'PixelIdentity.tsx']))

  const result = await build({
    entryPoints: blocks.map((file) => join(ROOT, 'react', file)),
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    outdir: join(ROOT, '.bundle-check'),
    format: 'esm',
    platform: 'browser',
    metafile: true,
    external: ['react', 'react-dom', 'vtex.*', 'react-apollo', 'react-intl'],
    loader: { '.gql': 'text', '.graphql': 'text' },
    logLevel: 'silent',
  })
  const inputs = Object.keys(result.metafile.inputs)
  expect(inputs.length).toBeGreaterThan(blocks.length)
  expect(inputs.filter((input) => !input.startsWith('react/'))).toEqual([])

  const shipped = result.outputFiles.map((file) => file.text).join('\n')
  for (const setting of SERVER_ONLY_SETTINGS) expect([setting, shipped.includes(setting)]).toEqual([setting, false])
})
