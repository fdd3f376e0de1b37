import { handleAuthRequest } from '@/lib/http/auth-endpoints'

// better-auth's endpoints that Roster uses (sign-in, sign-out, the OpenID Connect return), behind the
// allow-list in lib/http/auth-endpoints.ts; every other one is a 404. better-auth checks the Origin of every
// state-changing call against the trusted origins itself.
export const GET = handleAuthRequest
export const POST = handleAuthRequest
export const PUT = handleAuthRequest
export const PATCH = handleAuthRequest
export const DELETE = handleAuthRequest
