'use client'

import { useActionState, useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { TableHead } from '@/components/ui/table'
import { useToast } from '@/components/ui/toast'
import { createTokenAction, revokeTokenAction, type CreateTokenState } from '@/lib/actions/account'
import type { TokenView } from '@/lib/auth/tokens'
import { formatDate } from '@/lib/format'

const lifetimes = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
]

export function TokenManager({ tokens }: { tokens: TokenView[] }) {
  const [state, formAction, pending] = useActionState<CreateTokenState, FormData>(createTokenAction, { status: 'idle' })
  const errors = state.status === 'error' ? state.fieldErrors : {}
  return (
    <div className="space-y-6">
      <section aria-labelledby="new-token-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-token-heading" className="mb-3 text-lg font-semibold">New token</h2>
        {state.status === 'created' ? (
          <div role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm">
            <p className="font-medium">Token “{state.name}” created. Copy it now: it is not shown again.</p>
            <label htmlFor="new-token-secret" className="mt-2 block text-slate-700">Your token</label>
            <input id="new-token-secret" readOnly value={state.secret} className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
          </div>
        ) : null}
        <form action={formAction} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start" aria-label="Create a token" noValidate>
          <div className="sm:col-span-3">{state.status === 'error' && !Object.keys(errors).length ? <FormError errors={[state.message]} /> : null}</div>
          <TextField name="name" id="token-name" label="Name" placeholder="e.g. weekly staffing export" maxLength={60} errors={errors.name} />
          <SelectField name="expiresInDays" id="token-lifetime" label="Expires after" defaultValue="90" options={lifetimes} errors={errors.expiresInDays} />
          <Button type="submit" disabled={pending} className="sm:mt-6">{pending ? 'Creating…' : 'Create token'}</Button>
        </form>
      </section>
      <section aria-labelledby="tokens-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tokens-heading" className="mb-3 text-lg font-semibold">Your tokens</h2>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">No tokens yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your access tokens</caption>
              <TableHead columns={[{ label: 'Name' }, { label: 'Starts with' }, { label: 'Role' }, { label: 'Created' }, { label: 'Expires' }, { label: 'Actions', srOnly: true }]} />
              <tbody className="divide-y divide-slate-100">
                {tokens.map((token) => <TokenRow key={token.id} token={token} />)}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

function TokenRow({ token }: { token: TokenView }) {
  const [revoking, startRevoking] = useTransition()
  const router = useRouter()
  const toast = useToast()
  const expired = token.expiresAt !== null && token.expiresAt < new Date().toISOString()
  return (
    <tr>
      <td className="py-1.5 pr-4">{token.name}</td>
      <td className="py-1.5 pr-4 font-mono text-xs">{token.start}…</td>
      <td className="py-1.5 pr-4">{token.role}</td>
      <td className="py-1.5 pr-4 whitespace-nowrap">{formatDate(token.createdAt.slice(0, 10))}</td>
      <td className="py-1.5 pr-4 whitespace-nowrap">{token.expiresAt ? `${formatDate(token.expiresAt.slice(0, 10))}${expired ? ' (expired)' : ''}` : 'Never'}</td>
      <td className="py-1.5 text-right">
        <Button
          variant="ghost"
          disabled={revoking}
          aria-label={`Revoke ${token.name}`}
          onClick={() =>
            startRevoking(async () => {
              const result = await revokeTokenAction({ tokenId: token.id })
              toast(result.status === 'idle' ? '' : result.message, result.status === 'error' ? 'error' : 'success')
              router.refresh()
            })
          }
        >
          {revoking ? 'Revoking…' : 'Revoke'}
        </Button>
      </td>
    </tr>
  )
}
