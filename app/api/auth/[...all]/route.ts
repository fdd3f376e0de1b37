import { toNextJsHandler } from 'better-auth/next-js'
import { getAuth } from '@/lib/auth/server'

// better-auth's endpoints: sign-in, sign-out, OpenID Connect callbacks, sessions, access tokens, admin.
// better-auth checks the Origin of every state-changing call against the trusted origins itself.
export async function GET(request: Request) {
  return toNextJsHandler(getAuth()).GET(request)
}

export async function POST(request: Request) {
  return toNextJsHandler(getAuth()).POST(request)
}
