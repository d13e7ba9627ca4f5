/**
 * @vtex/api 6.51.3 runs every GraphQL request of the app through graphql-upload
 * (runtime/graphql/middlewares/upload.js), which parses multipart bodies with busboy 0.3.1 and
 * dicer 0.3.0: dicer has a published high-severity advisory (CVE-2022-24434, a crafted multipart
 * body crashes the process) and no fixed version. This app's schema takes no file upload, so
 * multipart requests are refused before any parser sees them, and the vulnerable code is never
 * reached.
 */
interface KoaLikeContext {
  get(header: string): string
  status: number
  body: unknown
}

export async function refuseMultipartMiddleware(ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<void> {
  if (/^multipart\//i.test(ctx.get('content-type'))) {
    ctx.status = 415
    ctx.body = { errors: [{ message: 'This API takes no file uploads: multipart requests are refused.' }] }
    return
  }
  await next()
}

/** Replaces the upload step; false when @vtex/api no longer has it where 6.51.3 has it. */
export function installMultipartRefusal(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const uploadStep = require('@vtex/api/lib/service/worker/runtime/graphql/middlewares/upload') as { upload?: unknown }
    if (typeof uploadStep.upload !== 'function') return false
    uploadStep.upload = refuseMultipartMiddleware
    return true
  } catch {
    return false
  }
}
