'use client'

import { useState } from 'react'
import { authClient } from '@/lib/auth/client'

export function SignOutButton() {
  const [pending, setPending] = useState(false)
  return (
    <button
      type="button"
      disabled={pending}
      className="rounded-md px-3 py-2 text-left text-sm font-medium text-slate-700 hover:bg-slate-100"
      onClick={async () => {
        setPending(true)
        await authClient.signOut()
        window.location.assign('/sign-in')
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  )
}
