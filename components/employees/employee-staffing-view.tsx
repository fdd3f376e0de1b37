import Link from 'next/link'
import type { ReactNode } from 'react'
import { SkillsEditor } from '@/components/employees/skills-editor'
import { TimeOffEditor } from '@/components/employees/time-off-editor'
import { StaffingTimeline } from '@/components/employees/staffing-timeline'
import { Badge } from '@/components/ui/badge'
import { PageHeader, linkClass, secondaryLinkClass } from '@/components/ui/page-header'
import { TableHead } from '@/components/ui/table'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { can, type Actor } from '@/lib/authorization'
import type { AssignmentView } from '@/lib/dto'
import type { EmployeeStaffing } from '@/lib/employees/queries'
import { formatDateRange } from '@/lib/format'
import type { RequestRecording } from '@/lib/recording'
import { allocationOn, isOffOn, todayIso } from '@/lib/load/allocation'
import { buildTimeline, groupAssignments } from '@/lib/staffing/timeline'
import { personUtilization } from '@/lib/utilization/figures'
import { PersonUtilization } from '@/components/utilization/person-utilization'

/** One person's staffing: the timeline, their assignments and skills (/employees/[id] and /me). */
export function EmployeeStaffingView({
  staffing,
  actor,
  recording,
  eyebrow,
  notice,
}: {
  staffing: EmployeeStaffing
  actor: Actor
  recording: RequestRecording
  eyebrow: ReactNode
  /** A line to confirm what the user just did, such as saving the details. */
  notice?: string
}) {
  const { employee, assignments, skills } = staffing
  const today = todayIso()
  const groups = groupAssignments(assignments, today)
  const thisWeek = allocationOn(employee.bookings, today, { timeOff: employee.timeOff })
  const awayToday = isOffOn(employee.timeOff, today)
  return (
    <>
      <PageHeader
        eyebrow={eyebrow}
        title={employee.name}
        description={`${employee.title} · ${employee.practice} · ${employee.location} · ${employee.capacityHours} h/week · ${employee.email}`}
        actions={
          <>
            <Badge tone={awayToday ? 'blue' : thisWeek > 100 ? 'red' : thisWeek === 0 ? 'amber' : 'indigo'}>
              {awayToday ? 'On time off today' : thisWeek === 0 ? 'On the bench today' : `${thisWeek}% allocated today`}
            </Badge>
            {can(actor, 'manage') ? <Link href={`/employees/${employee.id}/edit`} className={secondaryLinkClass}>Edit details</Link> : null}
          </>
        }
      />
      {notice ? (
        <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {notice}
        </p>
      ) : null}
      <div className="space-y-6">
        <StaffingTimeline timeline={buildTimeline(assignments, today, 26, employee.timeOff)} />
        <PersonUtilization row={personUtilization(employee, today)} />
        <TimeOffEditor employeeId={employee.id} timeOff={employee.timeOff} editable={can(actor, 'edit-time-off', { employeeId: employee.id })} today={today} />
        <section aria-labelledby="assignments-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="assignments-heading" className="mb-3 text-lg font-semibold">Assignments</h2>
          {assignments.length === 0 ? (
            <p className="text-sm text-slate-600">Not staffed on any project.</p>
          ) : (
            (['current', 'upcoming', 'past'] as const).map((phase) =>
              groups[phase].length ? <AssignmentGroup key={phase} title={phase[0].toUpperCase() + phase.slice(1)} assignments={groups[phase]} /> : null,
            )
          )}
        </section>
        <SkillsEditor employeeId={employee.id} skills={skills} editable={can(actor, 'edit-skills', { employeeId: employee.id })} />
      </div>
      <UnderTheHood recording={recording} />
    </>
  )
}

function AssignmentGroup({ title, assignments }: { title: string; assignments: AssignmentView[] }) {
  return (
    <div className="mb-4 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-medium text-slate-700">{title}</caption>
        <TableHead columns={[{ label: 'Client' }, { label: 'Project' }, { label: 'Role' }, { label: 'Allocation', align: 'right' }, { label: 'Dates' }, { label: 'Status', srOnly: true }]} />
        <tbody className="divide-y divide-slate-100">
          {assignments.map((a) => (
            <tr key={a.id}>
              <td className="py-1.5 pr-4"><Link href={`/clients/${a.clientId}`} className={linkClass}>{a.clientName}</Link></td>
              <td className="py-1.5 pr-4"><Link href={`/clients/${a.clientId}/projects/${a.projectId}`} className={linkClass}>{a.projectName}</Link></td>
              <td className="py-1.5 pr-4">{a.role}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{a.allocation}%</td>
              <td className="py-1.5 pr-4 whitespace-nowrap">{formatDateRange(a.startDate, a.endDate)}</td>
              <td className="py-1.5">{a.status === 'tentative' ? <Badge tone="amber">Tentative</Badge> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
