import { getAuth } from './server'
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts'

/**
 * Creates the demo accounts that are missing (npm start on the embedded engine). Goes through
 * better-auth's own user and account creation and password hashing. Idempotent and resumable: a
 * start-up cut off between making a user and linking its password finishes the link next time.
 */
export async function ensureDemoUsers(): Promise<number> {
  const context = await getAuth().$context
  let created = 0
  for (const account of demoAccounts) {
    const user =
      (await context.internalAdapter.findUserByEmail(account.email))?.user ??
      (await context.internalAdapter.createUser({ email: account.email, name: account.name, emailVerified: true, role: account.role }, { method: 'admin' }))
    const accounts = await context.internalAdapter.findAccounts(user.id)
    if (accounts.some((linked) => linked.providerId === 'credential')) continue
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
