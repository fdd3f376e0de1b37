import type { Metadata } from 'next'
import Link from 'next/link'
import { randomUUID } from 'node:crypto'
import { notFound } from 'next/navigation'
import { requireActor } from '@/lib/auth/session'
import { can } from '@/lib/authorization'
import { getRoleSuggestions } from '@/lib/roles/queries'
import { withRecording } from '@/lib/recording'
import { formatDateRange } from '@/lib/format'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { Badge, StatusBadge } from '@/components/ui/badge'
import { SuggestionsTable } from '@/components/roles/suggestions-table'
import { requirementsText } from '@/lib/roles/format'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'

export const metadata: Metadata = { title: 'Unfilled role' }

export default async function UnfilledRolePage({ params }: { params: Promise<{ clientId: string; projectId: string; roleId: string }> }) {
  const actor = await requireActor()
  const { clientId, projectId, roleId } = await params
  const { result, recording } = await withRecording(() => getRoleSuggestions(actor, { clientId, projectId, roleId }))
  if (!result) notFound()
  const { role, suggestions, considered, truncated } = result
  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href={`/clients/${clientId}`} className={linkClass}>{role.clientName}</Link> ·{' '}
            <Link href={`/clients/${clientId}/projects/${projectId}`} className={linkClass}>{role.projectName}</Link>
          </>
        }
        title={`Unfilled role: ${role.role}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="red">Unfilled</Badge> <StatusBadge status={role.status} /> {role.practice} · {role.allocation}% · {formatDateRange(role.startDate, role.endDate)} · needs {requirementsText(role.requirements)}
          </span>
        }
      />
      {role.fillingWith ? (
        <p role="status" className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {role.fillingWith} is being assigned to this role.
        </p>
      ) : null}
      <section aria-labelledby="suggestions-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="suggestions-heading" className="text-lg font-semibold">Suggested people</h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">
          Ranked by skill against the required levels (45%), free capacity for the role’s allocation in each of its weeks, time off included (45%), and the role’s practice (10%).
          People who meet every minimum level come first. {considered} {considered === 1 ? 'person was' : 'people were'} considered
          {truncated ? '; only the 200 most skilled in each required technology were read' : ''}.
        </p>
        <SuggestionsTable
          suggestions={suggestions}
          role={{ clientId, projectId, roleId, allocation: role.allocation }}
          canAssign={can(actor, 'manage') && !role.fillingWith}
          pageToken={randomUUID().replaceAll('-', '')}
        />
      </section>
      <UnderTheHood recording={recording} />
    </>
  )
}
