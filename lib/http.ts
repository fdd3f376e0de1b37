import { AppError, toErrorBody } from './errors'

/** Runs a route handler body: AppErrors become their status with a JSON error body, never a stack. */
export async function respond(handler: () => Promise<unknown>, successStatus = 200): Promise<Response> {
  try {
    return Response.json(await handler(), { status: successStatus })
  } catch (error) {
    const { status, body } = toErrorBody(error)
    return Response.json(body, { status })
  }
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams)
}

export async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  try {
    const body = await request.json()
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
