import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/auth/sign-in-form'
import { currentActor } from '@/lib/auth/session'
import { readAuthConfig } from '@/lib/auth/config'
import { DEMO_PASSWORD, demoAccounts } from '@/lib/auth/demo-accounts'
import { safeReturnTo } from '@/lib/auth/return-to'

export const metadata: Metadata = { title: 'Sign in' }

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams
  const returnTo = safeReturnTo(params.next)
  if (await currentActor()) redirect(returnTo)
  const config = readAuthConfig()
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="mb-1 text-2xl font-semibold">Sign in to Roster</h1>
      <p className="mb-6 text-slate-600">Where everyone is staffed, who is free, and who knows what.</p>
      <SignInForm returnTo={returnTo} passwordSignIn={config.passwordSignIn} oidcName={config.oidc?.name} failed={params.error} appUrl={config.baseURL} />
      {config.demo ? (
        <section aria-labelledby="demo-heading" className="mt-8 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id="demo-heading" className="mb-2 font-semibold">Demo accounts</h2>
          <p className="mb-2">This is the embedded demo. Every account&apos;s password is <code className="rounded bg-white px-1">{DEMO_PASSWORD}</code>.</p>
          <ul className="space-y-1">
            {demoAccounts.map((account) => (
              <li key={account.email}>
                <code className="rounded bg-white px-1">{account.email}</code> · {account.role}: {account.what}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
