import { AppError } from '../errors'
import { boundedText, errorResponse } from './respond'
import { getAuth } from '../auth/server'

// better-auth registers some fifty HTTP endpoints (its core, the admin plugin, access tokens); Roster
// uses six of them. Every other one answers 404 here, before the library sees the request: users,
// roles, passwords and tokens change only through Roster's own screens, whose domain functions apply
// Roster's rules (lib/auth/users.ts, lib/auth/tokens.ts). test/auth-endpoints.test.ts calls every
// endpoint the library registers and fails on any that answers without being on this list.

export const BASE_PATH = '/api/auth'

/** The endpoints that stay open: method and better-auth path (":id" is one path segment). */
export const OPEN_ENDPOINTS = [
  { method: 'POST', path: '/sign-in/email', why: 'password sign-in (the demo, or ROSTER_PASSWORD_SIGNIN=1)' },
  { method: 'POST', path: '/sign-in/social', why: 'starts the company sign-in (OpenID Connect)' },
  { method: 'GET', path: '/callback/:id', why: "the company sign-in's return" },
  { method: 'POST', path: '/callback/:id', why: "the company sign-in's return (form_post)" },
  { method: 'POST', path: '/sign-out', why: 'sign out' },
  { method: 'GET', path: '/error', why: "better-auth's page for a failed company sign-in" },
  { method: 'GET', path: '/ok', why: 'a liveness answer with no data' },
] as const

const patterns = OPEN_ENDPOINTS.map(({ method, path }) => ({ method, pattern: new RegExp(`^${path.replace(/:[a-zA-Z]+/g, '[A-Za-z0-9_-]{1,64}')}$`) }))

export function isOpenEndpoint(method: string, path: string): boolean {
  return patterns.some((endpoint) => endpoint.method === method && endpoint.pattern.test(path))
}

/** Sign-in bodies are a few hundred bytes; nothing larger or deeper reaches the library's parser. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024
export const MAX_AUTH_JSON_DEPTH = 8

/** How deeply a JSON text nests, counted without parsing it (a parser could overflow its stack). */
export function jsonDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth)
    else if (c === '}' || c === ']') depth--
  }
  return deepest
}

const notFound = () => new AppError('not_found:endpoint', 'There is no such sign-in endpoint.')

/**
 * The session token belongs in the HttpOnly cookie only; better-auth also puts it in the JSON of a
 * sign-in, where any script on the page could read it.
 */
async function withoutSessionToken(response: Response): Promise<Response> {
  if (!response.headers.get('content-type')?.includes('application/json')) return response
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return new Response(text, response)
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    // better-auth's JSON answer, checked to be an object just above: its shape is the library's, not ours.
    const record = body as Record<string, unknown>
    delete record.token
    if (record.session && typeof record.session === 'object') delete (record.session as Record<string, unknown>).token
  }
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers })
}

/** better-auth's handler behind Roster's allow-list, body limits and response filter. */
export async function handleAuthRequest(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const path = url.pathname.startsWith(`${BASE_PATH}/`) ? url.pathname.slice(BASE_PATH.length) : ''
  if (!isOpenEndpoint(request.method, path)) return errorResponse(notFound())
  let forwarded = request
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    let text: string
    try {
      text = await boundedText(request, MAX_AUTH_BODY_BYTES)
    } catch (error) {
      return errorResponse(error)
    }
    if (jsonDepth(text) > MAX_AUTH_JSON_DEPTH) {
      return errorResponse(new AppError('invalid:body', `The request body nests deeper than ${MAX_AUTH_JSON_DEPTH} levels.`, { body: [`At most ${MAX_AUTH_JSON_DEPTH} levels deep`] }))
    }
    forwarded = new Request(request.url, { method: request.method, headers: request.headers, body: text, signal: request.signal })
  }
  return withoutSessionToken(await getAuth().handler(forwarded))
}
