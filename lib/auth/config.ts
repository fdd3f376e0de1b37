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
  /** Header(s) the load balancer puts the client's address in; unset, addresses are not trusted. */
  ipHeaders: string[]
}

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
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
    ipHeaders: (env.ROSTER_CLIENT_IP_HEADER ?? '')
      .split(',')
      .map((header) => header.trim().toLowerCase())
      .filter(Boolean),
  }
}

export const OIDC_PROVIDER_ID = 'oidc'
