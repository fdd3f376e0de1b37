import { AppError } from '../errors'
import { getAuth, TOKEN_PREFIX } from './server'
import { isRole, lowerRole, type Actor, type Role } from '../authorization'

// Who is making this request: a browser session (cookie) or a personal access token (Authorization:
// Bearer). A request carrying a token is judged by the token alone, so a cookie never lends it
// authority, and a token never comes from a cookie.

interface UserRecord {
  id: string
  name: string
  email: string
  role?: string | null
  employeeId?: string | null
  banned?: boolean | null
}

function roleOf(user: UserRecord): Role {
  return isRole(user.role) ? user.role : 'employee'
}

function actorOf(user: UserRecord, via: Actor['via'], role: Role = roleOf(user)): Actor {
  return { via, userId: user.id, name: user.name, email: user.email, role, ...(user.employeeId ? { employeeId: user.employeeId } : {}) }
}

/**
 * The access token of a request: the credentials of an `Authorization: Bearer` header ('' when the
 * header is malformed, which is a 401), or undefined without one. Other schemes (a Basic login at a
 * proxy in front of Roster, say) are not Roster's and are ignored.
 */
export function bearerTokenOf(headers: Headers): string | undefined {
  const authorization = headers.get('authorization')?.trim()
  if (!authorization || !/^Bearer\b/i.test(authorization)) return undefined
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? ''
}

async function actorFromToken(token: string): Promise<Actor> {
  const invalid = () => new AppError('unauthenticated:token', 'The access token is not valid: it may be mistyped, revoked or expired.')
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw invalid()
  const auth = getAuth()
  const result = await auth.api.verifyApiKey({ body: { key: token } })
  if (!result.valid || !result.key) throw invalid()
  const context = await auth.$context
  const user = (await context.internalAdapter.findUserById(result.key.referenceId)) as UserRecord | null
  if (!user || user.banned) throw invalid()
  const metadata = (typeof result.key.metadata === 'string' ? JSON.parse(result.key.metadata) : result.key.metadata) as { role?: unknown } | null
  const tokenRole: Role = isRole(metadata?.role) ? metadata.role : 'employee'
  return actorOf(user, 'token', lowerRole(tokenRole, roleOf(user)))
}

/** The acting user of a request, or null when it carries no session. A bad token is a 401, not anonymity. */
export async function actorFromHeaders(headers: Headers): Promise<Actor | null> {
  const token = bearerTokenOf(headers)
  if (token !== undefined) return actorFromToken(token)
  const session = await getAuth().api.getSession({ headers })
  if (!session) return null
  return actorOf(session.user as unknown as UserRecord, 'session')
}
