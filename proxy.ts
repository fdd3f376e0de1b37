import { NextResponse, type NextRequest } from 'next/server'
import { getSessionCookie } from 'better-auth/cookies'
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from './lib/auth/client-address'
import { readAuthConfig } from './lib/auth/config'

// Runs before every page and route: a fresh CSP nonce, the cross-site refusal for server actions
// (a 403, where Next's own check answers 500), a cap on body size, the client's address for the rate
// limits (lib/auth/client-address.ts), and the redirect of signed-out page views to the sign-in page.
// It decides nothing about authority: every domain function checks the acting user itself, so a
// request that skips this proxy gains nothing.

/** Next's own server-action body limit; a larger body is refused here with 413. */
const MAX_REQUEST_BYTES = 1024 * 1024

const PUBLIC_PAGES = ['/sign-in']

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== 'production'
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (bar widths); no inline script is allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

function refuse(status: number, message: string): NextResponse {
  return NextResponse.json({ error: { code: status === 403 ? 'forbidden:cross_site' : 'too_large:body', message } }, { status })
}

function isCrossSiteAction(request: NextRequest): boolean {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return false
  const origin = request.headers.get('origin')
  if (!origin) return request.headers.get('sec-fetch-site') !== 'same-origin'
  // Next copies Host into X-Forwarded-Host when there is none, and keeps a client's own: it names the
  // site only when the proxy in front is known to set it (ROSTER_TRUST_FORWARDED_HOST=1).
  const host = (readAuthConfig().trustForwardedHost && request.headers.get('x-forwarded-host')) || request.headers.get('host')
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

/** A path Next cannot decode (a bare %) would fail inside Next's router with a 500; it is a 400. */
function undecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return false
  } catch {
    return true
  }
}

/** React's reference markers that a plain-value call may carry; any other $-string is a forged body. */
const allowedMarker = /^\$(\$|undefined$|K\d+$|D\d{4}-)/

function plainModel(value: unknown): boolean {
  if (typeof value === 'string') return !value.startsWith('$') || allowedMarker.test(value)
  if (Array.isArray(value)) return value.every(plainModel)
  if (value && typeof value === 'object') return Object.values(value).every(plainModel)
  return true
}

function argumentsModel(text: string): boolean {
  try {
    const model: unknown = JSON.parse(text)
    return Array.isArray(model) && plainModel(model)
  } catch {
    return false
  }
}

/**
 * A server action's arguments must decode as React encodes them: a JSON array of plain values, alone
 * (text/plain) or as field 0 of a form. Next answers anything else with a 500 from its decoder; here
 * it is a 400 before it gets there.
 */
async function malformedAction(request: NextRequest): Promise<boolean> {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return false
  const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? ''
  try {
    if (type === 'multipart/form-data') {
      const form = await request.clone().formData()
      const root = form.get('0')
      return typeof root !== 'string' || !argumentsModel(root)
    }
    if (type === 'application/x-www-form-urlencoded') return false
    return !argumentsModel(await request.clone().text())
  } catch {
    return true
  }
}

/**
 * better-auth keeps a signed copy of the session in a cookie for a minute, so that a page checks the
 * session without reading the table. A page cannot set that cookie when it runs out; the proxy can.
 * When the copy is gone but the session cookie is there, the proxy checks the session once (three
 * reads), sets the fresh copy on the response, and hands it to the page on the request: the page reads
 * nothing for the session, and a signed-in browser pays those reads once a minute, not on every page.
 */
async function refreshedSessionCookies(request: NextRequest): Promise<string[]> {
  if (!getSessionCookie(request) || request.cookies.getAll().some((cookie) => cookie.name.includes('session_data'))) return []
  const { getAuth } = await import('./lib/auth/server')
  const { headers } = await getAuth().api.getSession({ headers: request.headers, returnHeaders: true })
  return headers.getSetCookie()
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  if (undecodable(pathname)) {
    return NextResponse.json({ error: { code: 'invalid:path', message: 'The address is not valid: it has a % that starts no escape.', fields: { path: ['Not a valid address'] } } }, { status: 400 })
  }
  if (isCrossSiteAction(request)) return refuse(403, 'This request did not come from Roster itself, so it was refused.')
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES) return refuse(413, 'The request body is larger than 1 MB.')
  if (await malformedAction(request)) {
    return NextResponse.json({ error: { code: 'invalid:body', message: 'The action was called with arguments it cannot read.', fields: { body: ['Must be the arguments of the action'] } } }, { status: 400 })
  }

  // Files such as /icon.svg are public; Roster's own pages have no extension in their paths.
  const isPage = !pathname.startsWith('/api/') && request.method === 'GET' && !/\.[a-z0-9]+$/i.test(pathname)
  if (isPage && !PUBLIC_PAGES.includes(pathname) && !getSessionCookie(request)) {
    const signIn = new URL('/sign-in', request.url)
    signIn.searchParams.set('next', `${pathname}${search}`)
    return NextResponse.redirect(signIn)
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const policy = contentSecurityPolicy(nonce)
  const headers = new Headers(request.headers)
  const setCookies = isPage || request.headers.has('next-action') ? await refreshedSessionCookies(request) : []
  if (setCookies.length) {
    const fresh = setCookies.map((cookie) => cookie.split(';')[0])
    headers.set('cookie', [request.headers.get('cookie'), ...fresh].filter(Boolean).join('; '))
  }
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set('content-security-policy', policy)
  headers.set('x-roster-path', `${pathname}${search}`)
  const address = clientAddressOf(request.headers, readAuthConfig())
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address)
  else headers.delete(CLIENT_ADDRESS_HEADER)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', policy)
  for (const cookie of setCookies) response.headers.append('set-cookie', cookie)
  return response
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
