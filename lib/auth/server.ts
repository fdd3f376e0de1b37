import { betterAuth, type BetterAuthOptions } from 'better-auth'
import { APIError, createAuthMiddleware } from 'better-auth/api'
import { admin, genericOAuth } from 'better-auth/plugins'
import { createAccessControl } from 'better-auth/plugins/access'
import { adminAc, defaultStatements } from 'better-auth/plugins/admin/access'
import { nextCookies } from 'better-auth/next-js'
import { apiKey } from '@better-auth/api-key'
import { OIDC_PROVIDER_ID, readAuthConfig, type AuthConfig } from './config'
import { dynamodbAdapter } from './dynamodb-adapter'
import { CLIENT_ADDRESS_HEADER } from './client-address'
import { trustedOrigins } from './origins'
import { recordSignInOutcome, refuseIfThrottled } from './sign-in-throttle'
import { employeeIdForEmail, readEmployee } from '../reads'

// better-auth does sessions, passwords (scrypt), OpenID Connect, roles and access tokens; Roster
// supplies the storage (the one table), the link from a user to their employee record, and a throttle
// on repeated failed sign-ins. Only the endpoints in lib/http/auth-endpoints.ts are reachable over HTTP.

const ac = createAccessControl(defaultStatements)
const accessRoles = {
  admin: adminAc,
  manager: ac.newRole({ user: [], session: [] }),
  employee: ac.newRole({ user: [], session: [] }),
}

/** A session is re-read from the table at most this often; sign-out and role changes take effect within it. */
export const SESSION_CACHE_SECONDS = 60

export const TOKEN_PREFIX = 'roster_'

function buildAuth(config: AuthConfig) {
  if (!config.secret && !config.demo) {
    throw new Error('BETTER_AUTH_SECRET is not set: set it to a long random string (openssl rand -base64 32).')
  }
  const options = {
    appName: 'Roster',
    baseURL: config.baseURL,
    // npm start gives the demo a random secret of its own (.data/auth-secret); this fixed one serves only
    // the tests and the benchmark, which run on loopback. Production must set BETTER_AUTH_SECRET.
    secret: config.secret ?? 'roster-tests-and-benchmark-secret-not-for-any-server',
    trustedOrigins: trustedOrigins(config),
    database: dynamodbAdapter(),
    // Access tokens are made and revoked on Roster's Settings page only (lib/auth/tokens.ts), which
    // stamps each with its creator's role, and no one acts as another user. lib/http/auth-endpoints.ts
    // closes every HTTP endpoint Roster does not use; these stay disabled inside the library as well.
    disabledPaths: [
      '/api-key/create',
      '/api-key/update',
      '/api-key/delete',
      '/api-key/list',
      '/api-key/get',
      '/api-key/verify',
      '/api-key/delete-all-expired-api-keys',
      '/admin/impersonate-user',
      '/admin/stop-impersonating',
    ],
    emailAndPassword: { enabled: config.passwordSignIn, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        employeeId: { type: 'string', required: false, input: false },
        // The linked employee's name, kept for the admin's user list (one Query, lib/auth/users.ts).
        employeeName: { type: 'string', required: false, input: false },
      },
    },
    session: { cookieCache: { enabled: true, maxAge: SESSION_CACHE_SECONDS } },
    // Requests per address per minute. Failed sign-ins have their own, stricter limits (lib/auth/sign-in-throttle.ts);
    // a whole office behind one address still signs in at the start of the day. The address is the one
    // proxy.ts worked out (lib/auth/client-address.ts): the socket's peer unless trusted hops are set.
    rateLimit: { enabled: true, window: 60, max: 300, customRules: { '/sign-in/email': { window: 60, max: 60 } } },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: config.baseURL.startsWith('https://'),
    },
    databaseHooks: {
      session: {
        create: {
          // A person added to Roster after their first sign-in is linked when they next sign in; a linked
          // user's copy of their employee's name (the admin's list shows it) is brought up to date.
          before: async (session, ctx) => {
            const context = ctx?.context
            if (!context) return
            const user = (await context.internalAdapter.findUserById(session.userId)) as LinkedUser | null
            if (!user) return
            const link = await employeeLinkOf(user.employeeId ? { id: user.employeeId } : { email: user.email })
            if (link && (link.employeeId !== user.employeeId || link.employeeName !== user.employeeName)) await context.internalAdapter.updateUser(user.id, link)
          },
        },
      },
      user: {
        create: {
          // Users are people: the admin's invite names their employee record, or the e-mail claim maps
          // the address to it.
          before: async (user) => {
            const email = String(user.email).toLowerCase()
            const given = (user as { employeeId?: string | null }).employeeId
            const link = await employeeLinkOf(given ? { id: given } : { email })
            return {
              data: {
                ...user,
                employeeId: link?.employeeId ?? null,
                employeeName: link?.employeeName ?? null,
                role: config.adminEmails.includes(email) ? 'admin' : ((user as { role?: string }).role ?? 'employee'),
              },
            }
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return
        await refuseIfThrottled(String(ctx.body?.email ?? ''), addressOf(ctx))
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return
        const returned = ctx.context.returned
        const outcome = !(returned instanceof APIError) ? 'succeeded' : returned.statusCode === 401 ? 'failed' : 'other'
        await recordSignInOutcome(String(ctx.body?.email ?? ''), addressOf(ctx), outcome)
      }),
    },
    plugins: [
      admin({ ac, roles: accessRoles, defaultRole: 'employee', adminRoles: ['admin'] }),
      apiKey({
        defaultPrefix: TOKEN_PREFIX,
        enableMetadata: true,
        requireName: true,
        maximumNameLength: 60,
        // Scripts call often; tokens are limited by expiry and revocation, not by a daily quota.
        rateLimit: { enabled: false },
        keyExpiration: { defaultExpiresIn: 90 * 24 * 3600, minExpiresIn: 1, maxExpiresIn: 365 },
      }),
      ...(config.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  name: config.oidc.name,
                  discoveryUrl: `${config.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
                  clientId: config.oidc.clientId,
                  clientSecret: config.oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                },
              ],
            }),
          ]
        : []),
      nextCookies(),
    ],
  } satisfies BetterAuthOptions
  return betterAuth(options)
}

type LinkedUser = { id: string; email: string; employeeId?: string | null; employeeName?: string | null }

/** The employee a user is linked to (by id, or by e-mail for a user not linked yet) and their name now. */
async function employeeLinkOf(by: { id: string } | { email: string }): Promise<{ employeeId: string; employeeName: string } | undefined> {
  const employeeId = 'id' in by ? by.id : await employeeIdForEmail(by.email)
  const employee = employeeId ? await readEmployee(employeeId) : null
  return employee && !employee.deletingAt ? { employeeId: employee.id, employeeName: employee.name } : undefined
}

function addressOf(ctx: { request?: Request; headers?: Headers }): string | undefined {
  return (ctx.request?.headers ?? ctx.headers)?.get(CLIENT_ADDRESS_HEADER) ?? undefined
}

type Auth = ReturnType<typeof buildAuth>
let cached: { key: string; auth: Auth } | undefined

/** The process's better-auth instance, built from the environment on first use. */
export function getAuth(): Auth {
  const config = readAuthConfig()
  const key = JSON.stringify(config)
  if (cached?.key === key) return cached.auth
  cached = { key, auth: buildAuth(config) }
  return cached.auth
}
