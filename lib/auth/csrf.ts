import { AppError } from '../errors'
import { bearerTokenOf } from './actor'
import { trustedOrigins } from './origins'

// Cross-site request forgery: a page on another site can make the browser send Roster's session
// cookie with a form post or a no-cors fetch. Mutating route handlers therefore answer only requests
// that say they come from Roster's own origin, and only with a JSON body (a cross-site form or no-cors
// fetch cannot send application/json without a CORS preflight, which Roster never grants). A request
// with an access token is judged by the token alone (lib/auth/actor.ts), so a cookie lends it nothing.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function ownOrigins(request: Request): string[] {
  return [new URL(request.url).origin, ...trustedOrigins()]
}

/** Throws 403 for a cross-site or unattributed request with cookie authority, 415 for a non-JSON body. */
export function refuseCrossSite(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return
  if (bearerTokenOf(request.headers) === undefined) {
    const origin = request.headers.get('origin')
    const site = request.headers.get('sec-fetch-site')
    const sameOrigin = origin ? ownOrigins(request).includes(origin) : site === 'same-origin'
    if (!sameOrigin) {
      throw new AppError('forbidden:cross_site', 'This request did not come from Roster itself, so it was refused. Scripts use an access token (Authorization: Bearer).')
    }
  }
  const hasBody = request.headers.get('content-length') !== '0' && request.method !== 'DELETE'
  const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase()
  if (hasBody && type !== 'application/json') {
    throw new AppError('unsupported:content_type', 'Send the body as JSON, with Content-Type: application/json.', { body: ['Must be application/json'] })
  }
}
