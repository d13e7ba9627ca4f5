import type { IncomingMessage, ServerResponse } from 'http'

export const send = (res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', headers: Record<string, string | string[]> = {}) => {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers })
  res.end(body)
}

export const sendJson = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string | string[]> = {}) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers)

export const readBody = (req: IncomingMessage, limit = 64 * 1024): Promise<string> =>
  new Promise((resolve, reject) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
      if (body.length > limit) reject(new Error('body too large'))
    })
    req.on('end', () => resolve(body))
    req.on('error', reject)
  })

export const readJson = async (req: IncomingMessage): Promise<unknown> => {
  try {
    return JSON.parse(await readBody(req))
  } catch {
    return undefined
  }
}

export const cookiesOf = (req: IncomingMessage): Record<string, string> => {
  const jar: Record<string, string> = {}
  for (const pair of (req.headers.cookie || '').split(';')) {
    const at = pair.indexOf('=')
    if (at > 0) jar[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
  }
  return jar
}
