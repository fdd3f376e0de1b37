import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import { can } from '@/lib/auth/roles'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AllocationBar } from '@/components/employees/allocation-bar'
import { DeleteTechnologyDialog, TechnologyForm } from '@/components/technologies/technology-admin'
import { Badge } from '@/components/ui/badge'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { allocationOn, isOffOn, todayIso } from '@/lib/staffing/allocation'
import type { StackEntryView } from '@/lib/dto'
import { getTechnologyPage } from '@/lib/technologies/queries'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'
import { TableHead } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Technology' }

export default async function TechnologyPage({ params }: { params: Promise<{ technologyId: string }> }) {
  const actor = await requireActor()
  const { technologyId } = await params
  const { result: page, recording } = await withRecording(() => getTechnologyPage(actor, { technologyId }))
  if (!page) notFound()
  const { technology, projects, people } = page
  const byClient = new Map<string, StackEntryView[]>()
  for (const entry of projects) byClient.set(entry.clientId, [...(byClient.get(entry.clientId) ?? []), entry])
  const today = todayIso()
  // Who is free first: lowest allocation today, then highest level.
  // Least booked first; people on time off today after those who can start now.
  const ranked = people
    .map((person) => ({ ...person, allocation: allocationOn(person.bookings, today, { timeOff: person.timeOff }), away: isOffOn(person.timeOff, today) }))
    .sort((a, b) => Number(a.away) - Number(b.away) || a.allocation - b.allocation || b.level - a.level)
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/technologies" className={linkClass}>Technologies</Link>}
        title={technology.name}
        description={<Badge>{technology.category}</Badge>}
        actions={can(actor, 'manage') && <DeleteTechnologyDialog technology={technology} projects={projects.length} people={people.length} />}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="projects-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="projects-heading" className="mb-3 text-lg font-semibold">Projects using it ({projects.length})</h2>
          {projects.length === 0 ? (
            <p className="text-sm text-slate-600">No project uses it yet.</p>
          ) : (
            <ul className="space-y-3">
              {[...byClient.values()].map((entries) => (
                <li key={entries[0].clientId}>
                  <Link href={`/clients/${entries[0].clientId}`} className={linkClass}>{entries[0].clientName}</Link>
                  <ul className="ml-4 mt-1 list-disc text-sm">
                    {entries.map((entry) => (
                      <li key={entry.projectId}>
                        <Link href={`/clients/${entry.clientId}/projects/${entry.projectId}`} className={linkClass}>{entry.projectName}</Link>
                        {entry.note ? <span className="ml-1 text-slate-600">{entry.note}</span> : null}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="people-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="people-heading" className="mb-3 text-lg font-semibold">People who know it ({people.length})</h2>
          {ranked.length === 0 ? (
            <p className="text-sm text-slate-600">Nobody has this skill recorded yet.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">People who know {technology.name}, least allocated first</caption>
                <TableHead columns={[{ label: 'Person' }, { label: 'Level' }, { label: 'Allocated today', className: 'w-56' }]} />
                <tbody className="divide-y divide-slate-100">
                  {ranked.map((person) => (
                    <tr key={person.employeeId}>
                      <td className="py-1.5 pr-4"><Link href={`/employees/${person.employeeId}`} className={linkClass}>{person.employeeName}</Link></td>
                      <td className="py-1.5 pr-4">{person.level} / 5</td>
                      <td className="py-1.5"><AllocationBar percent={person.allocation} away={person.away} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
      {can(actor, 'manage') ? (
        <section aria-labelledby="edit-technology-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="edit-technology-heading" className="mb-3 text-lg font-semibold">Details</h2>
          <TechnologyForm technology={technology} />
        </section>
      ) : null}
      <UnderTheHood recording={recording} />
    </>
  )
}
