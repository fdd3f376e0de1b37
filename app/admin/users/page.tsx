import type { Metadata } from 'next'
import Link from 'next/link'
import { forbidden } from 'next/navigation'
import { InviteUserForm } from '@/components/auth/invite-user-form'
import { RoleForm } from '@/components/auth/role-form'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { can, roleLabels } from '@/lib/authorization'
import { readAuthConfig } from '@/lib/auth/config'
import { requireActor } from '@/lib/auth/session'
import { listUsers, SESSION_CACHE_SECONDS } from '@/lib/auth/users'

export const metadata: Metadata = { title: 'Users and roles' }

// On a phone each row is a card of labelled lines (no sideways scroll); from sm up, a table.
const cell = 'block py-0.5 sm:table-cell sm:py-1.5 sm:pr-4'
const phoneLabel = 'mr-1 text-slate-600 sm:hidden'

export default async function UsersPage() {
  const actor = await requireActor()
  if (!can(actor, 'administer')) forbidden()
  const users = await listUsers(actor)
  const config = readAuthConfig()
  const password = !config.passwordSignIn ? 'off' : config.oidc ? 'optional' : 'required'
  return (
    <>
      <PageHeader
        title="Users and roles"
        description={`Everyone who can sign in. A role change reaches their open sessions within ${SESSION_CACHE_SECONDS} seconds.`}
      />
      <ul className="mb-4 list-disc pl-5 text-sm text-slate-700">
        {Object.values(roleLabels).map((label) => <li key={label}>{label}</li>)}
      </ul>
      <div className="mb-6">
        <InviteUserForm password={password} />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <table className="block w-full text-left text-sm sm:table">
          <caption className="sr-only">Users</caption>
          <thead className="sr-only text-slate-700 sm:not-sr-only sm:table-header-group">
            <tr>
              {['Name', 'E-mail', 'Employee record', 'Role'].map((label) => <th key={label} scope="col" className="py-1 pr-4 font-medium">{label}</th>)}
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 sm:table-row-group">
            {users.map((user) => (
              <tr key={user.id} className="block py-2 sm:table-row sm:py-0">
                <td className={`${cell} font-medium sm:font-normal`}>{user.name}</td>
                <td className={`${cell} break-all`}><span className={phoneLabel} aria-hidden="true">E-mail:</span>{user.email}</td>
                <td className={cell}>
                  <span className={phoneLabel} aria-hidden="true">Employee record:</span>
                  {user.employeeId ? (
                    <Link href={`/employees/${user.employeeId}`} className={linkClass}>{user.employeeName ?? user.name}</Link>
                  ) : (
                    <span className="text-slate-600">Not linked</span>
                  )}
                </td>
                <td className={`${cell} sm:pr-0`}><RoleForm userId={user.id} name={user.name} role={user.role} self={user.id === actor.userId} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
