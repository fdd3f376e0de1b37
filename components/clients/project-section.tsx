'use client'

import Link from 'next/link'
import { StackChips } from '@/components/projects/stack-chips'
import { Badge, StatusBadge } from '@/components/ui/badge'
import { linkClass } from '@/components/ui/page-header'
import { TableHead } from '@/components/ui/table'
import type { ProjectSectionData } from '@/lib/dto'
import { formatDateRange } from '@/lib/format'
import { requirementsText } from '@/lib/roles/format'

// One project on a client's dashboard, with its staffing and stack. A client component, so that a
// dashboard of many projects sends each one's data once (as props) rather than its rendered tree a
// second time in the page's payload; also rendered when a completed project is opened.

export function ProjectSection({ project }: { project: ProjectSectionData }) {
  const href = `/clients/${project.clientId}/projects/${project.id}`
  return (
    <section aria-labelledby={`project-${project.id}`} className="rounded-lg border border-slate-200 bg-white">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div>
          <h3 id={`project-${project.id}`} className="text-lg font-semibold">
            <Link href={href} className="hover:underline">{project.name}</Link>
          </h3>
          <p className="text-sm text-slate-600">{formatDateRange(project.startDate, project.endDate)}</p>
        </div>
        <StatusBadge status={project.status} />
      </header>
      <div className="space-y-4 px-4 py-3">
        <StaffingTable project={project} />
        {project.roles.length ? <UnfilledRoleList project={project} /> : null}
        <div>
          <h4 className="text-sm font-medium text-slate-700">Tech stack</h4>
          <StackChips stack={project.stack} label={`${project.name} tech stack`} />
        </div>
      </div>
    </section>
  )
}

/** The project's unfilled roles on the dashboard: demand nobody fills yet. */
function UnfilledRoleList({ project }: { project: Pick<ProjectSectionData, 'id' | 'clientId' | 'name' | 'roles'> }) {
  return (
    <div>
      <h4 className="text-sm font-medium text-slate-700">Unfilled roles</h4>
      <ul className="mt-1 space-y-1 text-sm" aria-label={`${project.name} unfilled roles`}>
        {project.roles.map((role) => (
          <li key={role.id} className="flex flex-wrap items-center gap-2">
            <Badge tone="red">Unfilled</Badge>
            <Link href={`/clients/${project.clientId}/projects/${project.id}/roles/${role.id}`} className={linkClass}>{role.role}</Link>
            <span className="text-slate-700">{role.practice} · {role.allocation}% · {formatDateRange(role.startDate, role.endDate)}</span>
            {role.requirements.length ? <span className="text-slate-600">needs {requirementsText(role.requirements)}</span> : null}
            {role.status === 'tentative' ? <Badge tone="amber">Tentative</Badge> : null}
          </li>
        ))}
      </ul>
    </div>
  )
}

export function StaffingTable({ project }: { project: Pick<ProjectSectionData, 'name' | 'assignments'> }) {
  if (project.assignments.length === 0) return <p className="text-sm text-slate-600">Nobody staffed yet.</p>
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Staffing of {project.name}</caption>
        <TableHead columns={[{ label: 'Person' }, { label: 'Role' }, { label: 'Allocation', align: 'right' }, { label: 'Dates' }, { label: 'Status', srOnly: true }]} />
        <tbody className="divide-y divide-slate-100">
          {project.assignments.map((assignment) => (
            <tr key={assignment.id}>
              <td className="py-1.5 pr-4"><Link href={`/employees/${assignment.employeeId}`} className={linkClass}>{assignment.employeeName}</Link></td>
              <td className="py-1.5 pr-4">{assignment.role}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{assignment.allocation}%</td>
              <td className="py-1.5 pr-4 whitespace-nowrap">{formatDateRange(assignment.startDate, assignment.endDate)}</td>
              <td className="py-1.5">{assignment.status === 'tentative' ? <Badge tone="amber">Tentative</Badge> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
