import { actorFromHeaders } from '../auth/actor'
import { refuseCrossSite } from '../auth/csrf'
import type { Actor } from '../authorization'
import { AppError, RETRY_AFTER_SECONDS, toErrorBody } from '../errors'

/** The largest JSON body a route handler reads; Roster's biggest legitimate body is under 2 KB. */
export const MAX_BODY_BYTES = 64 * 1024

// A screen served from memory is one frozen object handed to every request (lib/db/screen-cache.ts):
// its JSON is written once. Only frozen values are remembered, so a body can never be stale.
const serialized = new WeakMap<object, string>()

function jsonResponse(value: unknown, status: number): Response {
  if (!value || typeof value !== 'object' || !Object.isFrozen(value)) return Response.json(value, { status })
  let body = serialized.get(value)
  if (body === undefined) serialized.set(value, (body = JSON.stringify(value)))
  return new Response(body, { status, headers: { 'content-type': 'application/json' } })
}

/** Runs a route handler body: AppErrors become their status with a JSON error body, never a stack. */
export async function respond(handler: () => Promise<unknown>, successStatus = 200): Promise<Response> {
  try {
    return jsonResponse(await handler(), successStatus)
  } catch (error) {
    return errorResponse(error)
  }
}

/** A failure as its status and JSON error body; a busy or unreachable table (503) says when to retry. */
export function errorResponse(error: unknown): Response {
  const { status, body } = toErrorBody(error)
  return Response.json(body, { status, headers: status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : undefined })
}

/**
 * Runs a route handler body for the request's acting user (a session or an access token), after the
 * cross-site checks for a mutating method. The domain function it calls authorizes that user.
 */
export function respondAs(request: Request, handler: (actor: Actor | null) => Promise<unknown>, successStatus = 200): Promise<Response> {
  return respond(async () => {
    refuseCrossSite(request)
    return handler(await actorFromHeaders(request.headers))
  }, successStatus)
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams)
}

const tooLarge = (limit: number) => new AppError('too_large:body', `The request body is larger than ${limit / 1024} KB.`, { body: [`At most ${limit / 1024} KB`] })

/** The body as text, refused with 413 once it passes `limit` bytes (whatever Content-Length claims). */
export async function boundedText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge(limit)
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw tooLarge(limit)
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await boundedText(request)
  try {
    const body = JSON.parse(text)
    if (body && typeof body === 'object' && !Array.isArray(body)) return body
  } catch {
    // fall through
  }
  throw new AppError('invalid:body', 'The request body must be a JSON object.', { body: ['Must be a JSON object'] })
}

export function notFoundUnless<T>(value: T | null, subject: string, id: string): T {
  if (value === null) throw new AppError(`not_found:${subject}`, `No ${subject} with id "${id}".`)
  return value
}

/**
 * A create's body with the request's Idempotency-Key header (Stripe's model) folded in: the same key
 * sent again creates nothing new and answers with what the first request made.
 */
export async function createBody(request: Request): Promise<Record<string, unknown>> {
  const body = await jsonBody(request)
  const key = request.headers.get('idempotency-key')
  return key ? { ...body, idempotencyKey: key } : body
}
