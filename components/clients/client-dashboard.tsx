import Link from 'next/link'
import { EmptyState, linkClass } from '@/components/ui/page-header'
import type { ClientFigures } from '@/lib/clients/figures'
import { pick, toProjectSectionData, type ProjectDetail } from '@/lib/dto'
import { CollapsedProjectRow } from './collapsed-project-row'
import { ProjectSection } from './project-section'
import { hasEnded, peopleCurrentlyStaffed } from '@/lib/staffing/current'

export function ClientFiguresPanel({ figures, projectCount }: { figures: ClientFigures; projectCount: number }) {
  const statusLine = Object.entries(figures.projectsByStatus)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ')
  const items = [
    { label: 'Projects', value: String(projectCount), detail: statusLine || 'none yet' },
    { label: 'People currently staffed', value: String(figures.peopleCurrentlyStaffed), detail: 'running or starting later; ended ones not counted' },
    { label: 'Allocation today', value: `${figures.allocationFte} FTE` },
    { label: 'Technologies', value: String(figures.technologies) },
  ]
  return (
    <dl className="mb-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <dt className="text-sm text-slate-600">{item.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{item.value}</dd>
          {item.detail ? <dd className="text-xs text-slate-600">{item.detail}</dd> : null}
        </div>
      ))}
    </dl>
  )
}

/** How many current projects a dashboard shows in full; the rest are one-line rows that open in place. */
export const PROJECTS_IN_FULL = 5

const countsOn = (project: ProjectDetail, today: string) => ({ people: peopleCurrentlyStaffed(project.assignments, today), past: project.assignments.filter((assignment) => hasEnded(assignment, today)).length })
// What a one-line row needs, and no more: the page sends it for every such project.
const rowOf = (project: ProjectDetail) => pick(project, ['id', 'clientId', 'name', 'status', 'startDate', 'endDate'])

/**
 * The first few active, proposed and on-hold projects in full; the other current ones, and the
 * completed ones, as one-line rows that open on demand. A client with sixty open projects renders
 * five sections, not sixty, and sends the rest as a line each.
 */
export function ProjectList({ projects, clientId, canManage, today }: { projects: ProjectDetail[]; clientId: string; canManage: boolean; today: string }) {
  if (projects.length === 0) {
    return (
      <EmptyState title="No projects yet">
        {canManage ? <Link href={`/clients/${clientId}/projects/new`} className={linkClass}>Add the first project</Link> : null}
      </EmptyState>
    )
  }
  const current = projects.filter((project) => project.status !== 'completed')
  const completed = projects.filter((project) => project.status === 'completed')
  const more = current.slice(PROJECTS_IN_FULL)
  return (
    <div className="space-y-6">
      {current.slice(0, PROJECTS_IN_FULL).map((project) => <ProjectSection key={project.id} project={toProjectSectionData(project)} today={today} />)}
      {more.length ? (
        <section aria-labelledby="more-projects-heading" className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <h3 id="more-projects-heading" className="font-semibold">More current projects ({more.length})</h3>
          <ul className="divide-y divide-slate-100">
            {more.map((project) => (
              <CollapsedProjectRow key={project.id} project={rowOf(project)} {...countsOn(project, today)} unfilled={project.roles.length} showStatus today={today} />
            ))}
          </ul>
        </section>
      ) : null}
      {completed.length ? (
        <section aria-labelledby="completed-heading" className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <h3 id="completed-heading" className="font-semibold">Completed ({completed.length})</h3>
          <ul className="divide-y divide-slate-100">
            {completed.map((project) => (
              <CollapsedProjectRow key={project.id} project={rowOf(project)} {...countsOn(project, today)} today={today} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
