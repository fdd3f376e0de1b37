'use client'

import { useQuery } from '@tanstack/react-query'
import { useId, type ReactNode } from 'react'
import { SelectField, TextField } from '@/components/ui/field'
import { OverAllocationWarning } from './over-allocation-warning'
import { employeeStaffingOptions } from '@/lib/employees/query-options'
import type { FieldErrors } from '@/lib/errors'
import { assignmentStatusOptions } from '@/lib/staffing/schemas'
import { DateInput } from '@/components/ui/date-input'

/** What the fields hold while the user types (the role aside): the picker's ranking and the warning read it. */
export type AssignmentDraft = { allocation: string; startDate: string; endDate: string; status: string }

/** The person the warning is about, and the assignment being changed (its old share does not count twice). */
export type Proposal = { employeeId: string; employeeName: string; projectId: string; replacing?: { projectId: string; start: string } }

/**
 * The fields of one assignment, in one order with one set of labels, wherever a person is staffed or
 * an assignment changed: role, allocation, start and end dates, status, then the over-allocation
 * warning. `picker` is what differs between the forms (whom to staff, or on which project) and
 * comes first. The inputs are named as the staffing schemas' fields, so the server's field errors
 * come back under the same names.
 */
export function AssignmentFields({
  picker,
  draft,
  onDraftChange,
  defaultRole,
  errors,
  allocationHint,
  endDateHint,
  proposal,
  rate,
}: {
  /** Managers' own-rate field: shown when given, with the override held now (major units). */
  rate?: { defaultValue?: string; hint?: ReactNode }
  picker?: ReactNode
  draft: AssignmentDraft
  onDraftChange: (draft: AssignmentDraft) => void
  defaultRole?: string
  errors: FieldErrors
  allocationHint?: ReactNode
  endDateHint?: ReactNode
  /** Whom to warn about before saving; null until someone is picked. */
  proposal: Proposal | null
}) {
  // Ids of their own: the project page holds the staff form and, in dialogs, the change forms.
  const id = useId()
  const set = (field: keyof AssignmentDraft) => (event: { target: { value: string } }) => onDraftChange({ ...draft, [field]: event.target.value })
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {picker ? <div className="grid gap-4 sm:col-span-2">{picker}</div> : null}
      <TextField id={`${id}-role`} name="role" label="Role" defaultValue={defaultRole} errors={errors.role} required />
      <TextField id={`${id}-allocation`} name="allocation" label="Allocation (%)" type="number" min={1} max={100} value={draft.allocation} onChange={set('allocation')} errors={errors.allocation} hint={allocationHint} required />
      <DateInput id={`${id}-start`} name="startDate" label="Start date" value={draft.startDate} onChange={set('startDate')} errors={errors.startDate} required />
      <DateInput id={`${id}-end`} name="endDate" label="End date (optional)" value={draft.endDate} onChange={set('endDate')} errors={errors.endDate} hint={endDateHint} />
      <SelectField id={`${id}-status`} name="status" label="Status" value={draft.status} onChange={set('status')} errors={errors.status} options={assignmentStatusOptions} />
      {rate ? (
        <TextField
          id={`${id}-rate`}
          name="rateOverride"
          label="Own rate per hour (optional)"
          inputMode="decimal"
          defaultValue={rate.defaultValue}
          errors={errors.rateOverride}
          hint={rate.hint ?? 'Blank: the project’s rate for the role, else the firm’s card.'}
        />
      ) : null}
      {proposal ? (
        <div className="sm:col-span-2">
          <ProposalWarning proposal={proposal} draft={draft} />
        </div>
      ) : null}
    </div>
  )
}

/** Reads the person's bookings (one request, cached by react-query) and warns before saving. */
function ProposalWarning({ proposal, draft }: { proposal: Proposal; draft: AssignmentDraft }) {
  const staffing = useQuery(employeeStaffingOptions(proposal.employeeId))
  if (!staffing.data) return null
  const { employee } = staffing.data
  return (
    <OverAllocationWarning
      bookings={employee.bookings}
      timeOff={employee.timeOff}
      employeeName={proposal.employeeName}
      projectId={proposal.projectId}
      replacing={proposal.replacing}
      allocation={draft.allocation}
      startDate={draft.startDate}
      endDate={draft.endDate}
      tentative={draft.status === 'tentative'}
    />
  )
}
