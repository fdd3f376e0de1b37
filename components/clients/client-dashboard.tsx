import Link from 'next/link'
import { EmptyState, linkClass } from '@/components/ui/page-header'
import type { ClientFigures } from '@/lib/clients/figures'
import { toProjectSectionData, type ProjectDetail } from '@/lib/dto'
import { CompletedProjectRow } from './completed-project-row'
import { ProjectSection } from './project-section'

export function ClientFiguresPanel({ figures, projectCount }: { figures: ClientFigures; projectCount: number }) {
  const statusLine = Object.entries(figures.projectsByStatus)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ')
  const items = [
    { label: 'Projects', value: String(projectCount), detail: statusLine || 'none yet' },
    { label: 'People staffed', value: String(figures.peopleStaffed) },
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

/** Active, proposed and on-hold projects in full; completed ones as one-line rows that open on demand. */
export function ProjectList({ projects, clientId, canManage }: { projects: ProjectDetail[]; clientId: string; canManage: boolean }) {
  if (projects.length === 0) {
    return (
      <EmptyState title="No projects yet">
        {canManage ? <Link href={`/clients/${clientId}/projects/new`} className={linkClass}>Add the first project</Link> : null}
      </EmptyState>
    )
  }
  const current = projects.filter((project) => project.status !== 'completed')
  const completed = projects.filter((project) => project.status === 'completed')
  return (
    <div className="space-y-6">
      {current.map((project) => <ProjectSection key={project.id} project={toProjectSectionData(project)} />)}
      {completed.length ? (
        <section aria-labelledby="completed-heading" className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <h3 id="completed-heading" className="font-semibold">Completed ({completed.length})</h3>
          <ul className="divide-y divide-slate-100">
            {completed.map(({ assignments, stack: _stack, ...project }) => (
              <CompletedProjectRow key={project.id} project={project} people={new Set(assignments.map((a) => a.employeeId)).size} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
