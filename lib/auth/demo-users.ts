import { getAuth } from './server'
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts'

/**
 * Creates the demo accounts that are missing (npm start on the embedded engine). Goes through
 * better-auth's own user and account creation and password hashing; idempotent.
 */
export async function ensureDemoUsers(): Promise<number> {
  const context = await getAuth().$context
  let created = 0
  for (const account of demoAccounts) {
    if (await context.internalAdapter.findUserByEmail(account.email)) continue
    const user = await context.internalAdapter.createUser({ email: account.email, name: account.name, emailVerified: true, role: account.role }, { method: 'admin' })
    await context.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: await context.password.hash(DEMO_PASSWORD),
    })
    created++
  }
  return created
}
