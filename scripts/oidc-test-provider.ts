// A real OpenID Connect provider on loopback for the end-to-end tests: `oidc-provider`, a certified
// implementation, with its development login screen (any login name; the name is the e-mail). Not
// part of the app: Playwright starts it beside Roster (playwright.config.ts).
import Provider from 'oidc-provider'

const port = Number(process.env.OIDC_PORT ?? 3199)
const rosterUrl = process.env.ROSTER_URL ?? 'http://localhost:3100'
const issuer = `http://localhost:${port}`

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'roster-e2e',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'roster-e2e-secret',
      redirect_uris: [`${rosterUrl}/api/auth/callback/oidc`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(_context, sub) {
    const email = sub.toLowerCase()
    const name = email
      .split('@')[0]
      .split('.')
      .map((part) => part[0]?.toUpperCase() + part.slice(1))
      .join(' ')
    return { accountId: sub, claims: async () => ({ sub, email, email_verified: true, name }) }
  },
  pkce: { required: () => true },
  cookies: { keys: ['roster-e2e-oidc-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  ttl: { Session: 3600, Grant: 3600, Interaction: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
})

provider.listen(port, () => console.log(`[oidc] test provider on ${issuer}`))
