'use client'

import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { FormError, TextField } from '@/components/ui/field'
import { authClient } from '@/lib/auth/client'
import { OIDC_PROVIDER_ID } from '@/lib/auth/config'
import { safeReturnTo } from '@/lib/auth/return-to'

export function SignInForm({ returnTo, passwordSignIn, oidcName, failed, appUrl }: { returnTo: string; passwordSignIn: boolean; oidcName?: string; failed?: string; appUrl: string }) {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | undefined>(failed ? 'Signing in with your company account did not work. Please try again.' : undefined)
  const [fieldErrors, setFieldErrors] = useState<{ email?: string[]; password?: string[] }>({})

  // onSubmit, not a form action: React resets a form after its action, and the e-mail should stay
  // in the field after a wrong password.
  async function signInWithPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formData = new FormData(event.currentTarget)
    const email = String(formData.get('email') ?? '').trim()
    const password = String(formData.get('password') ?? '')
    const missing = { email: email ? undefined : ['Enter your e-mail'], password: password ? undefined : ['Enter your password'] }
    setFieldErrors(missing)
    if (missing.email || missing.password) return
    setPending(true)
    setError(undefined)
    const { error: failure } = await authClient.signIn.email({ email, password })
    if (failure) {
      setPending(false)
      setError(failureMessage(failure, appUrl))
      return
    }
    // A full load, so every screen renders for the new user.
    window.location.assign(safeReturnTo(returnTo))
  }

  async function signInWithCompanyAccount() {
    setPending(true)
    const { error: failure } = await authClient.signIn.social({ provider: OIDC_PROVIDER_ID, callbackURL: safeReturnTo(returnTo), errorCallbackURL: `/sign-in?error=oidc` })
    if (failure) {
      setPending(false)
      setError(failure.code === 'INVALID_ORIGIN' ? failureMessage(failure, appUrl) : 'Could not reach your company sign-in. Please try again.')
    }
  }

  return (
    <div className="space-y-6 rounded-lg border border-slate-200 bg-white p-6">
      {error ? <FormError errors={[error]} /> : null}
      {oidcName ? (
        <Button type="button" className="w-full" onClick={signInWithCompanyAccount} disabled={pending}>
          Sign in with {oidcName}
        </Button>
      ) : null}
      {passwordSignIn ? (
        <form onSubmit={signInWithPassword} className="space-y-4" aria-label="Sign in with e-mail and password" noValidate>
          <TextField name="email" label="E-mail" type="email" autoComplete="username" required errors={fieldErrors.email} />
          <TextField name="password" label="Password" type="password" autoComplete="current-password" required errors={fieldErrors.password} />
          <Button type="submit" variant={oidcName ? 'secondary' : 'primary'} className="w-full" disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      ) : null}
      {!oidcName && !passwordSignIn ? <p>No way to sign in is configured. An administrator sets ROSTER_OIDC_ISSUER (see the README).</p> : null}
    </div>
  )
}

function failureMessage(failure: { status: number; code?: string; message?: string }, appUrl: string): string {
  if (failure.status === 429) return failure.message ?? 'Too many failed sign-ins. Try again later.'
  // better-auth refuses a sign-in from an origin it does not trust before it checks the password.
  if (failure.code === 'INVALID_ORIGIN') return `Open Roster at ${appUrl}: sign-in from this address is not allowed.`
  return 'That e-mail and password do not match an account.'
}
