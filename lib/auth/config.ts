// Sign-in is configured by environment variables only (README, "Sign-in").

export interface OidcConfig {
  issuer: string
  clientId: string
  clientSecret?: string
  /** What the sign-in button says: "Sign in with <name>". */
  name: string
}

export interface AuthConfig {
  secret?: string
  baseURL: string
  /** The embedded demo: its sign-in page lists the demo accounts. */
  demo: boolean
  passwordSignIn: boolean
  oidc?: OidcConfig
  /** Users with these e-mails are created as admins (the first admin of a new installation). */
  adminEmails: string[]
  /** How many load balancers in front of Roster append the address they were reached from. */
  trustedHops: number
  /** The header they append it to (X-Forwarded-For unless told otherwise). */
  clientIpHeader: string
  /** Whether the proxy in front sets X-Forwarded-Host itself (so that a client's value never passes). */
  trustForwardedHost: boolean
}

export function readAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const demo = env.ROSTER_DEMO === '1'
  const issuer = env.ROSTER_OIDC_ISSUER?.trim()
  const clientId = env.ROSTER_OIDC_CLIENT_ID?.trim()
  return {
    secret: env.BETTER_AUTH_SECRET || undefined,
    baseURL: env.BETTER_AUTH_URL || `http://localhost:${env.PORT || 3000}`,
    demo,
    passwordSignIn: demo || env.ROSTER_PASSWORD_SIGNIN === '1',
    oidc: issuer && clientId ? { issuer, clientId, clientSecret: env.ROSTER_OIDC_CLIENT_SECRET || undefined, name: env.ROSTER_OIDC_NAME || 'your company account' } : undefined,
    adminEmails: (env.ROSTER_ADMIN_EMAILS ?? '')
      .split(',')
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean),
    // A header named without a hop count is taken as set by one balancer: its right-hand entry.
    trustedHops: trustedHops(env.ROSTER_TRUSTED_HOPS, Boolean(env.ROSTER_CLIENT_IP_HEADER?.trim())),
    clientIpHeader: env.ROSTER_CLIENT_IP_HEADER?.trim().toLowerCase() || 'x-forwarded-for',
    trustForwardedHost: env.ROSTER_TRUST_FORWARDED_HOST === '1',
  }
}

function trustedHops(value: string | undefined, headerNamed: boolean): number {
  const hops = Number(value?.trim() || (headerNamed ? 1 : 0))
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`ROSTER_TRUSTED_HOPS must be a whole number from 0 to 10 (the load balancers in front of Roster), not "${value}".`)
  return hops
}

export const OIDC_PROVIDER_ID = 'oidc'
