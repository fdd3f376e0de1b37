import type { Metadata } from 'next'
import Link from 'next/link'
import { forbidden } from 'next/navigation'
import { RoleForm } from '@/components/auth/role-form'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { TableHead } from '@/components/ui/table'
import { can, roleLabels } from '@/lib/authorization'
import { requireActor } from '@/lib/auth/session'
import { listUsers, SESSION_CACHE_SECONDS } from '@/lib/auth/users'

export const metadata: Metadata = { title: 'Users and roles' }

export default async function UsersPage() {
  const actor = await requireActor()
  if (!can(actor, 'administer')) forbidden()
  const users = await listUsers(actor)
  return (
    <>
      <PageHeader
        title="Users and roles"
        description={`Everyone who has signed in. A role change reaches their open sessions within ${SESSION_CACHE_SECONDS} seconds.`}
      />
      <ul className="mb-4 list-disc pl-5 text-sm text-slate-700">
        {Object.values(roleLabels).map((label) => <li key={label}>{label}</li>)}
      </ul>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <TableHead columns={[{ label: 'Name' }, { label: 'E-mail' }, { label: 'Employee record' }, { label: 'Role' }]} />
          <tbody className="divide-y divide-slate-100">
            {users.map((user) => (
              <tr key={user.id}>
                <td className="py-1.5 pr-4">{user.name}</td>
                <td className="py-1.5 pr-4">{user.email}</td>
                <td className="py-1.5 pr-4">{user.employeeId ? <Link href={`/employees/${user.employeeId}`} className={linkClass}>Open</Link> : 'None'}</td>
                <td className="py-1.5"><RoleForm userId={user.id} name={user.name} role={user.role} self={user.id === actor.userId} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
