'use client'

import Link from 'next/link'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { changeAssignmentAction, unstaffEmployeeAction } from '@/lib/actions/projects'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError } from '@/components/ui/field'
import { linkClass } from '@/components/ui/page-header'
import { useToast } from '@/components/ui/toast'
import type { ActionState } from '@/lib/action-state'
import type { AssignmentView } from '@/lib/dto'
import { employeeKeys } from '@/lib/employees/query-options'
import { formatDateRange } from '@/lib/format'
import { AssignmentFields, type AssignmentDraft } from '@/components/staffing/assignment-fields'
import { StaleNotice } from '@/components/ui/stale-notice'
import { TableHead } from '@/components/ui/table'
import { staffingCell, staffingColumns, staffingTableClass } from '@/components/staffing/staffing-layout'
import { splitCurrentAndPast } from '@/lib/staffing/current'

/**
 * The project's assignments: the current ones (running or upcoming), then the ended ones under a
 * disclosure. `editable` (a manager) adds Change and Remove to both.
 */
export function AssignmentRows({ assignments, editable, today }: { assignments: AssignmentView[]; editable: boolean; today: string }) {
  if (assignments.length === 0) return <p className="text-sm text-slate-600">{editable ? 'Nobody staffed yet. Use “Staff a person” below.' : 'Nobody staffed yet.'}</p>
  const { current, past } = splitCurrentAndPast(assignments, today)
  return (
    <div className="space-y-2">
      {current.length ? <AssignmentTable caption="Current assignments" assignments={current} editable={editable} /> : <p className="text-sm text-slate-600">Nobody staffed now.</p>}
      {past.length ? (
        <details className="text-sm" open={current.length === 0}>
          <summary className="cursor-pointer py-1 font-medium text-slate-700">Past assignments ({past.length})</summary>
          <AssignmentTable caption="Past assignments" assignments={past} editable={editable} />
        </details>
      ) : null}
    </div>
  )
}

function AssignmentTable({ caption, assignments, editable }: { caption: string; assignments: AssignmentView[]; editable: boolean }) {
  return (
    <div className="relative">
      <table className={staffingTableClass}>
        <caption className="sr-only">{caption}</caption>
        <TableHead columns={staffingColumns({ actions: editable })} />
        <tbody className="divide-y divide-slate-100">
          {assignments.map((assignment) => (
            <AssignmentRow key={assignment.id} assignment={assignment} editable={editable} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

type Change = { role: string; allocation: number; startDate: string; endDate: string | null; status: AssignmentView['status'] }

function changeOf(formData: FormData): Change {
  const text = (name: string) => String(formData.get(name) ?? '')
  return { role: text('role'), allocation: Number(text('allocation')), startDate: text('startDate'), endDate: text('endDate') || null, status: text('status') === 'tentative' ? 'tentative' : 'confirmed' }
}

function AssignmentRow({ assignment, editable }: { assignment: AssignmentView; editable: boolean }) {
  const [editing, setEditing] = useState(false)
  const [removing, startRemoving] = useTransition()
  const toast = useToast()
  const router = useRouter()
  const queryClient = useQueryClient()
  // Optimistic through the UI: the dialog closes at once and the row shows the new values (marked
  // as saving) until the refreshed page brings the stored ones; a rejected change reopens the dialog.
  const change = useMutation({
    mutationFn: async (formData: FormData) => changeAssignmentAction({ status: 'idle' }, formData),
    onSuccess: (result) => {
      if (result.status === 'error') {
        setEditing(true)
        return
      }
      if (result.status === 'success') toast(result.message)
      void queryClient.invalidateQueries({ queryKey: employeeKeys.all })
      router.refresh()
    },
    onError: () => {
      toast('The change could not be saved. Please try again.', 'error')
      setEditing(true)
    },
  })
  const pending = change.isPending && change.variables ? changeOf(change.variables) : null
  const shown = pending ? { ...assignment, ...pending } : assignment
  const failed = change.data?.status === 'error' ? change.data : undefined
  return (
    <tr aria-busy={pending ? true : undefined} className={`${staffingCell.row} ${pending ? 'opacity-70' : ''}`}>
      <td className={staffingCell.person}><Link href={`/employees/${assignment.employeeId}`} className={linkClass}>{assignment.employeeName}</Link></td>
      <td className={staffingCell.role}>{shown.role}</td>
      <td className={staffingCell.allocation}>{shown.allocation}%{pending ? <span className="ml-1 text-xs text-slate-500">saving…</span> : null}</td>
      <td className={staffingCell.dates}>{formatDateRange(shown.startDate, shown.endDate)}</td>
      <td className={staffingCell.status}>{shown.status === 'tentative' ? <Badge tone="amber">Tentative</Badge> : <Badge tone="green">Confirmed</Badge>}</td>
      {editable ? <td className={staffingCell.actions}>
        <Button variant="ghost" onClick={() => setEditing(true)} disabled={Boolean(pending)} aria-label={`Change ${assignment.employeeName}'s assignment`}>Change</Button>
        <Button
          variant="ghost"
          disabled={removing}
          aria-label={`Remove ${assignment.employeeName} from the project`}
          onClick={() =>
            startRemoving(async () => {
              const result = await unstaffEmployeeAction({ clientId: assignment.clientId, projectId: assignment.projectId, assignmentId: assignment.id })
              toast(result.status === 'idle' ? '' : result.message, result.status === 'error' ? 'error' : 'success')
              router.refresh()
            })
          }
        >
          {removing ? 'Removing…' : 'Remove'}
        </Button>
        <Dialog open={editing} onClose={() => setEditing(false)} title={`Change ${assignment.employeeName}'s assignment`}>
          {editing ? (
            <ChangeAssignmentForm
              assignment={assignment}
              failed={failed}
              onSubmit={(formData) => {
                setEditing(false)
                change.mutate(formData)
              }}
              onCancel={() => setEditing(false)}
            />
          ) : null}
        </Dialog>
      </td> : null}
    </tr>
  )
}

function ChangeAssignmentForm({
  assignment,
  failed,
  onSubmit,
  onCancel,
}: {
  assignment: AssignmentView
  failed?: Extract<ActionState, { status: 'error' }>
  onSubmit: (formData: FormData) => void
  onCancel: () => void
}) {
  const values = failed?.values
  // After a refusal the form shows what was typed, not what was loaded.
  const [draft, setDraft] = useState<AssignmentDraft>({
    allocation: values?.allocation ?? String(assignment.allocation),
    startDate: values?.startDate ?? assignment.startDate,
    endDate: values?.endDate ?? assignment.endDate ?? '',
    status: values?.status ?? assignment.status,
  })
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        onSubmit(new FormData(event.currentTarget))
      }}
      className="space-y-4 text-left"
      noValidate
    >
      {failed ? <FormError errors={[failed.message]} /> : null}
      <input type="hidden" name="clientId" value={assignment.clientId} />
      <input type="hidden" name="projectId" value={assignment.projectId} />
      <input type="hidden" name="assignmentId" value={assignment.id} />
      <input type="hidden" name="version" value={String(failed?.current?.version ?? assignment.version)} />
      <StaleNotice current={failed?.current} fields={[{ name: 'role', label: 'Role' }, { name: 'allocation', label: 'Allocation %' }, { name: 'startDate', label: 'Start' }, { name: 'endDate', label: 'End' }, { name: 'status', label: 'Status' }]} />
      <AssignmentFields
        draft={draft}
        onDraftChange={setDraft}
        defaultRole={values?.role ?? assignment.role}
        errors={failed?.fieldErrors ?? {}}
        endDateHint="Set an end date to end the assignment."
        rate={assignment.money ? { defaultValue: values?.rateOverride ?? (assignment.money.rateOverride !== null ? (assignment.money.rateOverride / 100).toFixed(2) : undefined) } : undefined}
        proposal={{ employeeId: assignment.employeeId, employeeName: assignment.employeeName, projectId: assignment.projectId, replacing: { projectId: assignment.projectId, start: assignment.startDate } }}
      />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>Cancel</Button>
        <Button type="submit">Save assignment</Button>
      </div>
    </form>
  )
}
