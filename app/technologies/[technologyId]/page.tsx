import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import { can } from '@/lib/authorization'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AllocationBar } from '@/components/employees/allocation-bar'
import { DeleteTechnologyDialog, TechnologyForm } from '@/components/technologies/technology-admin'
import { Badge } from '@/components/ui/badge'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { allocationOn, isOffOn, todayIso } from '@/lib/load/allocation'
import type { StackEntryView } from '@/lib/dto'
import { getTechnologyPage, type TechnologyView } from '@/lib/technologies/queries'
import { firstPageIfInvalid } from '@/lib/lists/first-page'
import { Pagination, RestartedNotice } from '@/components/ui/list-search'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'
import { TableHead } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Technology' }

type Params = Record<string, string | undefined>

export default async function TechnologyPage({ params, searchParams }: { params: Promise<{ technologyId: string }>; searchParams: Promise<Params> }) {
  const actor = await requireActor()
  const { technologyId } = await params
  const query = await searchParams
  const view: TechnologyView = query.view === 'projects' ? 'projects' : 'people'
  const { result, recording } = await withRecording(() =>
    firstPageIfInvalid(
      () => getTechnologyPage(actor, { technologyId, view, cursor: query.cursor }),
      () => getTechnologyPage(actor, { technologyId, view }),
    ),
  )
  const { page, restarted } = result
  if (!page) notFound()
  const { technology, technologyName, projects, people } = page
  const byClient = new Map<string, StackEntryView[]>()
  for (const entry of projects) byClient.set(entry.clientId, [...(byClient.get(entry.clientId) ?? []), entry])
  const today = todayIso()
  const mostFreeFirst = query.order === 'free'
  const rows = people.map((person) => ({ ...person, allocation: allocationOn(person.bookings, today, { timeOff: person.timeOff }), away: isOffOn(person.timeOff, today) }))
  // The key orders people by level; "most free" reorders this page: least booked today first, people
  // on time off after those who can start now.
  if (mostFreeFirst) rows.sort((a, b) => Number(a.away) - Number(b.away) || a.allocation - b.allocation || b.level - a.level)
  const base = `/technologies/${technologyId}`
  const tab = (value: TechnologyView, label: string) => (
    <Link
      href={value === 'people' ? base : `${base}?view=projects`}
      aria-current={view === value ? 'page' : undefined}
      className={`rounded-md px-3 py-2 text-sm font-medium ${view === value ? 'bg-indigo-700 text-white' : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
    >
      {label}
    </Link>
  )
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/technologies" className={linkClass}>Technologies</Link>}
        title={technologyName}
        description={technology ? <Badge>{technology.category}</Badge> : undefined}
        actions={technology && can(actor, 'manage') && <DeleteTechnologyDialog technology={technology} projects={technology.projectCount} people={technology.peopleCount} />}
      />
      <RestartedNotice restarted={restarted} />
      <nav aria-label="Technology views" className="mb-4 flex flex-wrap gap-2">
        {tab('people', technology ? `People who know it (${technology.peopleCount})` : 'People who know it')}
        {tab('projects', technology ? `Projects using it (${technology.projectCount})` : 'Projects using it')}
      </nav>
      {view === 'projects' ? (
        <section aria-labelledby="projects-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="projects-heading" className="mb-3 text-lg font-semibold">Projects using it</h2>
          {projects.length === 0 ? (
            <p className="text-sm text-slate-600">{query.cursor ? 'No more projects.' : 'No project uses it yet.'}</p>
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
      ) : (
        <section aria-labelledby="people-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="people-heading" className="text-lg font-semibold">People who know it</h2>
            <nav aria-label="Order" className="flex gap-3 text-sm">
              <Link href={`${base}${query.cursor ? `?cursor=${encodeURIComponent(query.cursor)}` : ''}`} aria-current={!mostFreeFirst ? 'true' : undefined} className={!mostFreeFirst ? 'font-semibold text-slate-900' : linkClass}>
                Highest level first
              </Link>
              <Link href={`${base}?order=free${query.cursor ? `&cursor=${encodeURIComponent(query.cursor)}` : ''}`} aria-current={mostFreeFirst ? 'true' : undefined} className={mostFreeFirst ? 'font-semibold text-slate-900' : linkClass}>
                Most free today (this page)
              </Link>
            </nav>
          </div>
          {rows.length === 0 ? (
            <p className="text-sm text-slate-600">{query.cursor ? 'No more people.' : 'Nobody has this skill recorded yet.'}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">People who know {technologyName}, {mostFreeFirst ? 'least allocated first' : 'highest level first'}</caption>
                <TableHead columns={[{ label: 'Person' }, { label: 'Level' }, { label: 'Allocated today', className: 'w-56' }]} />
                <tbody className="divide-y divide-slate-100">
                  {rows.map((person) => (
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
      )}
      <Pagination nextCursor={page.nextCursor} isFirstPage={!query.cursor} params={query} />
      {technology && can(actor, 'manage') ? (
        <section aria-labelledby="edit-technology-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="edit-technology-heading" className="mb-3 text-lg font-semibold">Details</h2>
          <TechnologyForm technology={technology} />
        </section>
      ) : null}
      <UnderTheHood recording={recording} />
    </>
  )
}
