'use client'

import Link from 'next/link'
import { StackChips } from '@/components/projects/stack-chips'
import { Badge, StatusBadge } from '@/components/ui/badge'
import { linkClass } from '@/components/ui/page-header'
import { TableHead } from '@/components/ui/table'
import type { ProjectSectionData } from '@/lib/dto'
import { formatDateRange } from '@/lib/format'
import { requirementsText } from '@/lib/roles/format'
import { peopleCurrentlyStaffed, splitCurrentAndPast } from '@/lib/staffing/current'
import { staffingCell, staffingColumns, staffingTableClass } from '@/components/staffing/staffing-layout'

// One project on a client's dashboard, with its staffing and stack. A client component, so that a
// dashboard of many projects sends each one's data once (as props) rather than its rendered tree a
// second time in the page's payload; also rendered when a completed project is opened.

export function ProjectSection({ project, today }: { project: ProjectSectionData; today: string }) {
  const href = `/clients/${project.clientId}/projects/${project.id}`
  const people = peopleCurrentlyStaffed(project.assignments, today)
  return (
    <section aria-labelledby={`project-${project.id}`} className="rounded-lg border border-slate-200 bg-white">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <div>
          <h3 id={`project-${project.id}`} className="text-lg font-semibold">
            <Link href={href} className="hover:underline">{project.name}</Link>
          </h3>
          <p className="text-sm text-slate-600">
            {formatDateRange(project.startDate, project.endDate)} · {people} {people === 1 ? 'person' : 'people'} currently staffed
          </p>
        </div>
        <StatusBadge status={project.status} />
      </header>
      <div className="space-y-4 px-4 py-3">
        <CurrentAndPastStaffing project={project} today={today} />
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

type StaffingRow = ProjectSectionData['assignments'][number]

/**
 * The project's current staffing (running or upcoming), then its ended assignments under a
 * disclosure: someone who left in September is history, not staffing.
 */
export function CurrentAndPastStaffing({ project, today }: { project: Pick<ProjectSectionData, 'name' | 'assignments'>; today: string }) {
  const { current, past } = splitCurrentAndPast(project.assignments, today)
  return (
    <div className="space-y-2">
      {current.length ? <StaffingTable caption={`Staffing of ${project.name}`} assignments={current} /> : <p className="text-sm text-slate-600">{past.length ? 'Nobody staffed now.' : 'Nobody staffed yet.'}</p>}
      {past.length ? (
        // Open from the start when nothing is current (a completed project opened in place).
        <details className="text-sm" open={current.length === 0}>
          <summary className="cursor-pointer py-1 font-medium text-slate-700">
            Past assignments ({past.length})<span className="sr-only"> of {project.name}</span>
          </summary>
          <StaffingTable caption={`Past staffing of ${project.name}`} assignments={past} />
        </details>
      ) : null}
    </div>
  )
}

function StaffingTable({ caption, assignments }: { caption: string; assignments: StaffingRow[] }) {
  return (
    <div className="relative">
      <table className={staffingTableClass}>
        <caption className="sr-only">{caption}</caption>
        <TableHead columns={staffingColumns()} />
        <tbody className="divide-y divide-slate-100">
          {assignments.map((assignment) => (
            <tr key={assignment.id} className={staffingCell.row}>
              <td className={staffingCell.person}><Link href={`/employees/${assignment.employeeId}`} className={linkClass}>{assignment.employeeName}</Link></td>
              <td className={staffingCell.role}>{assignment.role}</td>
              <td className={staffingCell.allocation}>{assignment.allocation}%</td>
              <td className={staffingCell.dates}>{formatDateRange(assignment.startDate, assignment.endDate)}</td>
              <td className={staffingCell.status}>{assignment.status === 'tentative' ? <Badge tone="amber">Tentative</Badge> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
