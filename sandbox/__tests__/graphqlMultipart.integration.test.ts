/**
 * @vtex/api 6.51.3 hands multipart GraphQL requests to graphql-upload, whose busboy 0.3.1 / dicer
 * 0.3.0 carry CVE-2022-24434 (a crafted multipart body crashes the process; no fixed dicer). The
 * app takes no uploads, so node/runtime/graphqlUploads.ts refuses multipart before any parser:
 * proven here through the real Service, and the worker keeps answering afterwards.
 */
import { startSandbox, type Sandbox } from '../sandbox'

jest.setTimeout(60_000)

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(() => sandbox?.stop())

const BOUNDARY = '----adsEventsBoundary'
const multipart = (parts: string[]) => `${parts.map((part) => `--${BOUNDARY}\r\n${part}\r\n`).join('')}--${BOUNDARY}--\r\n`

it('refuses a multipart GraphQL upload with 415 before any multipart parser reads it', async () => {
  const operations = JSON.stringify({ query: 'mutation ($file: Upload) { adsEventsRegisterOrderFormApp }', variables: { file: null } })
  const body = multipart([
    `Content-Disposition: form-data; name="operations"\r\n\r\n${operations}`,
    'Content-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.file"]}',
    'Content-Disposition: form-data; name="0"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello',
  ])
  const answer = await sandbox.service!.graphqlRaw(body, `multipart/form-data; boundary=${BOUNDARY}`)
  expect(answer.status).toBe(415)
  expect(JSON.stringify(answer.body)).toMatch(/multipart requests are refused/)
})

it('refuses malformed multipart headers (the shape of the dicer crash) and keeps serving', async () => {
  const malformed = `--${BOUNDARY}\r\n${'a'.repeat(100)}: \r\n:\r\n\r\n--${BOUNDARY}--\r\n`
  for (let attempt = 0; attempt < 5; attempt++) {
    const answer = await sandbox.service!.graphqlRaw(malformed, `multipart/form-data; boundary=${BOUNDARY}`)
    expect(answer.status).toBe(415)
  }
  const config = await sandbox.service!.graphql('query { adsEventsPublicConfig { hasPublisher } }')
  expect(config.status).toBe(200)
})
