'use client'

import { Button } from '@/components/ui/button'
import { useActionForm } from '@/components/ui/use-action-form'
import { setUserRoleAction } from '@/lib/actions/account'
import { roles, type Role } from '@/lib/authorization'

/** One user's role, changed by an admin (a select and a Save button, so nothing changes by accident). */
export function RoleForm({ userId, name, role, self }: { userId: string; name: string; role: Role; self: boolean }) {
  const { formAction, pending, formError } = useActionForm(setUserRoleAction)
  const id = `role-${userId}`
  if (self) return <span>{role} (you)</span>
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">Role of {name}</label>
      <select id={id} name="role" defaultValue={role} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm">
        {roles.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
      <Button type="submit" variant="secondary" disabled={pending}>{pending ? 'Saving…' : 'Save'}</Button>
      {formError ? <span role="alert" className="text-sm text-red-700">{formError}</span> : null}
    </form>
  )
}
