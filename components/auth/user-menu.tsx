import Link from 'next/link'
import { can, type Actor } from '@/lib/authorization'
import { SignOutButton } from './sign-out-button'

const itemClass = 'rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100'

/** Who is signed in, and their own pages. */
export function UserMenu({ actor }: { actor: Actor | null }) {
  if (!actor) {
    return (
      <Link href="/sign-in" className={itemClass}>
        Sign in
      </Link>
    )
  }
  return (
    <div className="flex flex-wrap gap-1 border-t border-slate-200 pt-3 md:mt-4 md:flex-col">
      <p className="px-3 text-sm">
        <span className="block font-medium text-slate-900">{actor.name}</span>
        <span className="block text-xs text-slate-600">{actor.role}</span>
      </p>
      <Link href="/me" className={itemClass}>My staffing</Link>
      <Link href="/settings" className={itemClass}>Access tokens</Link>
      {can(actor, 'administer') ? <Link href="/admin/users" className={itemClass}>Users and roles</Link> : null}
      <SignOutButton />
    </div>
  )
}
