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
import { SuggestionsList } from '@/components/roles/suggestions-list'
import { SkillsFirstToggle } from '@/components/roles/skills-first-toggle'
import { parseSuggestionOrder } from '@/lib/roles/ranking'
import { requirementsText } from '@/lib/roles/format'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'

export const metadata: Metadata = { title: 'Unfilled role' }

export default async function UnfilledRolePage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string; projectId: string; roleId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await requireActor()
  const { clientId, projectId, roleId } = await params
  const order = parseSuggestionOrder((await searchParams).order)
  const { result, recording } = await withRecording(() => getRoleSuggestions(actor, { clientId, projectId, roleId }, { order }))
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
            <Badge tone="red">Unfilled</Badge> <StatusBadge status={role.status} /> {role.practice} · {role.allocation}% · {formatDateRange(role.startDate, role.endDate)} · {role.requirements.length ? `needs ${requirementsText(role.requirements)}` : 'no technology required'}
          </span>
        }
      />
      {role.fillingWith ? (
        <p role="status" className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {role.fillingWith} is being assigned to this role.
        </p>
      ) : null}
      <section aria-labelledby="suggestions-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="suggestions-heading" className="text-lg font-semibold">Suggested people</h2>
          <div className="ml-auto"><SkillsFirstToggle on={order === 'skills'} /></div>
        </div>
        <p className="mb-3 mt-1 text-sm text-slate-600">
          {order === 'skills'
            ? 'Skills first: people who meet every minimum level come first, whether or not they have the time; then by score.'
            : 'First, people who meet every minimum level and have the role’s allocation free in each of its weeks; then people with one of the two (the reason is in words); then the rest.'}{' '}
          Within each group, by score: skill against the required levels (45%), free capacity for the role’s allocation in each of its weeks, time off included (45%), and the role’s practice (10%).{' '}
          {considered} {considered === 1 ? 'person was' : 'people were'} considered
          {truncated ? '; only the 200 most skilled in each required technology were read' : ''}.
        </p>
        <SuggestionsList
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
