import type { IncomingMessage } from 'http'

/**
 * How event bodies are read, replacing @vtex/api's own step for it.
 *
 * @vtex/api 6.51.3 parses every event body with co-body before any app code runs
 * (runtime/events/middlewares/body.js) and answers 500 when it cannot: a body over 1 MB, one that
 * is not JSON, truncated or `null` never reaches the handler, and the platform redelivers the same
 * bytes forever. A valid broadcast sent as text/plain reaches the handler as a string. So the
 * right place to handle a bad body is that step itself: this one reads any content type, parses
 * JSON, and when it cannot, hands the handler an UnparseableEventBody (reason, first bytes, size)
 * so the handler records it and acknowledges it.
 */
export const EVENT_BODY_LIMIT_BYTES = 1024 * 1024
/** What is kept of a body that cannot be parsed. */
export const EXCERPT_BYTES = 4_096

export class UnparseableEventBody {
  constructor(
    readonly reason: string,
    readonly excerpt: string,
    readonly bytes: number,
    readonly contentType: string | undefined
  ) {}
}

/** Reads the whole body (never keeping more than the limit) and parses it as JSON, whatever its content type. */
export async function readEventBody(req: IncomingMessage, limitBytes = EVENT_BODY_LIMIT_BYTES): Promise<unknown> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    if (bytes < limitBytes) chunks.push(buffer.subarray(0, limitBytes - bytes))
    bytes += buffer.length
  }
  const text = Buffer.concat(chunks).toString('utf8')
  const contentType = req.headers['content-type']
  const unparseable = (reason: string) => new UnparseableEventBody(reason, text.slice(0, EXCERPT_BYTES), bytes, contentType)
  if (bytes > limitBytes) return unparseable(`malformed-broadcast: body of ${bytes} bytes, over the ${limitBytes}-byte limit`)
  if (text.trim() === '') return unparseable('malformed-broadcast: empty body')
  try {
    return JSON.parse(text)
  } catch {
    return unparseable(`malformed-broadcast: body is not JSON (${contentType ?? 'no content type'})`)
  }
}

interface KoaLikeContext {
  req: IncomingMessage
  state: { body?: unknown }
}

/** The runtime middleware: the body goes where @vtex/api's own step puts it (ctx.state.body). */
export async function tolerantEventBodyMiddleware(ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<void> {
  ctx.state.body = await readEventBody(ctx.req)
  await next()
}

/**
 * Installs tolerantEventBodyMiddleware in place of @vtex/api's parseBodyMiddleware. It must run
 * before the Service builds its event handlers (node/index.ts imports this first); the runtime
 * reads the export when it composes each event's pipeline. Returns false (nothing changed) when
 * the runtime does not have that step where 6.51.3 has it, so an upgrade of @vtex/api that moves
 * it is seen in the tests rather than silently ignored.
 */
export function installTolerantEventBodyParser(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bodyStep = require('@vtex/api/lib/service/worker/runtime/events/middlewares/body') as { parseBodyMiddleware?: unknown }
    if (typeof bodyStep.parseBodyMiddleware !== 'function') return false
    bodyStep.parseBodyMiddleware = tolerantEventBodyMiddleware
    return true
  } catch {
    return false
  }
}
