'use client'

import Link from 'next/link'
import { useQueryClient } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useActionState, useEffect, useState, useTransition } from 'react'
import { changeAssignmentAction, unstaffEmployeeAction } from '@/app/clients/[clientId]/projects/[projectId]/actions'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { linkClass } from '@/components/ui/page-header'
import { useToast } from '@/components/ui/toast'
import type { AssignmentView } from '@/lib/dto'
import { employeeKeys } from '@/lib/employees/query-options'
import { formatDateRange } from '@/lib/format'
import { ProposalWarning } from './staff-form'

export function AssignmentRows({ assignments }: { assignments: AssignmentView[] }) {
  if (assignments.length === 0) return <p className="text-sm text-slate-600">Nobody staffed yet. Use the form below to staff a person.</p>
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Assignments</caption>
        <thead className="text-slate-700">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">Person</th>
            <th scope="col" className="py-1 pr-4 font-medium">Role</th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">Allocation</th>
            <th scope="col" className="py-1 pr-4 font-medium">Dates</th>
            <th scope="col" className="py-1 pr-4 font-medium">Status</th>
            <th scope="col" className="py-1 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {assignments.map((assignment) => (
            <AssignmentRow key={assignment.id} assignment={assignment} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function AssignmentRow({ assignment }: { assignment: AssignmentView }) {
  const [editing, setEditing] = useState(false)
  const [removing, startRemoving] = useTransition()
  const toast = useToast()
  const router = useRouter()
  return (
    <tr>
      <td className="py-1.5 pr-4"><Link href={`/employees/${assignment.employeeId}`} className={linkClass}>{assignment.employeeName}</Link></td>
      <td className="py-1.5 pr-4">{assignment.role}</td>
      <td className="py-1.5 pr-4 text-right tabular-nums">{assignment.allocation}%</td>
      <td className="py-1.5 pr-4 whitespace-nowrap">{formatDateRange(assignment.startDate, assignment.endDate)}</td>
      <td className="py-1.5 pr-4">{assignment.status === 'tentative' ? <Badge tone="amber">Tentative</Badge> : <Badge tone="green">Confirmed</Badge>}</td>
      <td className="py-1.5 whitespace-nowrap text-right">
        <Button variant="ghost" onClick={() => setEditing(true)} aria-label={`Change ${assignment.employeeName}'s assignment`}>Change</Button>
        <Button
          variant="ghost"
          disabled={removing}
          aria-label={`Remove ${assignment.employeeName} from the project`}
          onClick={() =>
            startRemoving(async () => {
              const result = await unstaffEmployeeAction({ clientId: assignment.clientId, projectId: assignment.projectId, assignmentId: assignment.id })
              toast(result.status === 'success' ? result.message : result.status === 'error' ? result.message : '', result.status === 'error' ? 'error' : 'success')
              router.refresh()
            })
          }
        >
          {removing ? 'Removing…' : 'Remove'}
        </Button>
        <Dialog open={editing} onClose={() => setEditing(false)} title={`Change ${assignment.employeeName}'s assignment`}>
          {editing ? <ChangeAssignmentForm assignment={assignment} onDone={() => setEditing(false)} /> : null}
        </Dialog>
      </td>
    </tr>
  )
}

function ChangeAssignmentForm({ assignment, onDone }: { assignment: AssignmentView; onDone: () => void }) {
  const [state, formAction, pending] = useActionState(changeAssignmentAction, { status: 'idle' })
  const toast = useToast()
  const queryClient = useQueryClient()
  const [allocation, setAllocation] = useState(String(assignment.allocation))
  const [startDate, setStartDate] = useState(assignment.startDate)
  const [endDate, setEndDate] = useState(assignment.endDate ?? '')
  const [status, setStatus] = useState<string>(assignment.status)
  useEffect(() => {
    if (state.status === 'success') {
      toast(state.message)
      void queryClient.invalidateQueries({ queryKey: employeeKeys.all })
      onDone()
    }
  }, [state, toast, onDone, queryClient])
  const errors = state.status === 'error' ? state.fieldErrors : {}
  const prefix = `assignment-${assignment.id}`
  return (
    <form action={formAction} className="space-y-3 text-left" noValidate>
      {state.status === 'error' ? <FormError errors={[state.message]} /> : null}
      <input type="hidden" name="clientId" value={assignment.clientId} />
      <input type="hidden" name="projectId" value={assignment.projectId} />
      <input type="hidden" name="assignmentId" value={assignment.id} />
      <TextField id={`${prefix}-role`} name="role" label="Role" defaultValue={assignment.role} errors={errors.role} />
      <TextField id={`${prefix}-allocation`} name="allocation" label="Allocation (%)" type="number" min={1} max={100} value={allocation} onChange={(e) => setAllocation(e.target.value)} errors={errors.allocation} />
      <TextField id={`${prefix}-start`} name="startDate" label="Start date" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} errors={errors.startDate} />
      <TextField id={`${prefix}-end`} name="endDate" label="End date" type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} errors={errors.endDate} hint="Set an end date to end the assignment." />
      <SelectField id={`${prefix}-status`} name="status" label="Status" value={status} onChange={(e) => setStatus(e.target.value)} options={[{ value: 'confirmed', label: 'Confirmed' }, { value: 'tentative', label: 'Tentative' }]} />
      <ProposalWarning
        employeeId={assignment.employeeId}
        employeeName={assignment.employeeName}
        projectId={assignment.projectId}
        allocation={allocation}
        startDate={startDate}
        endDate={endDate}
        tentative={status === 'tentative'}
        replacing={{ projectId: assignment.projectId, start: assignment.startDate }}
      />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onDone}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save assignment'}</Button>
      </div>
    </form>
  )
}
