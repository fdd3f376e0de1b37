'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { staffEmployeeAction } from '@/lib/actions/projects'
import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { SearchPicker, usePick } from '@/components/ui/search-picker'
import { useActionForm } from '@/components/ui/use-action-form'
import { useIdempotencyKey } from '@/components/ui/use-idempotency-key'
import { employeeKeys, employeeSearchOptions, employeeStaffingOptions } from '@/lib/employees/query-options'
import { OverAllocationWarning } from './over-allocation-warning'
import { rankCandidates, type RankedCandidate } from '@/lib/staffing/candidates'
import { todayIso } from '@/lib/load/allocation'
import type { EmployeeSummary } from '@/lib/dto'
import { assignmentStatusOptions } from '@/lib/staffing/schemas'

type StackTechnology = { technologyId: string; technologyName: string }

export function StaffForm({ clientId, projectId, defaultStart, stack }: { clientId: string; projectId: string; defaultStart: string; stack: StackTechnology[] }) {
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const pick = usePick()
  const employee = pick.picked
  const [allocation, setAllocation] = useState('50')
  const [startDate, setStartDate] = useState(defaultStart)
  const [endDate, setEndDate] = useState('')
  const [status, setStatus] = useState('confirmed')
  const results = useQuery({ ...employeeSearchOptions(pick.search), enabled: pick.searching })
  const [idempotencyKey, renewIdempotencyKey] = useIdempotencyKey()

  const { formAction, pending, errors, formError } = useActionForm(staffEmployeeAction, () => {
    void queryClient.invalidateQueries({ queryKey: employeeKeys.all })
    pick.clear()
    renewIdempotencyKey()
    formRef.current?.reset()
  })

  return (
    <form ref={formRef} action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate aria-label="Staff a person">
      <div className="sm:col-span-2">{formError ? <FormError errors={[formError]} /> : null}</div>
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="employeeId" value={employee?.id ?? ''} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="sm:col-span-2">
        <SearchPicker
          placeholder="Type a name"
          label="Person"
          {...pick.pickerProps}
          // Best candidates first: room over the dates, then skill in the project's technologies.
          options={rankCandidates(results.data?.items ?? [], {
            start: /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? startDate : todayIso(),
            end: /^\d{4}-\d{2}-\d{2}$/.test(endDate) ? endDate : null,
            allocation: Number(allocation) || 0,
            stack,
            today: todayIso(),
          }).map((ranked) => ({ id: ranked.candidate.id, label: ranked.candidate.name, detail: candidateDetail(ranked) }))}
          loading={results.isFetching}
          errors={errors.employeeId}
        />
      </div>
      <TextField id="staff-role" name="role" label="Role" errors={errors.role} required />
      <TextField id="staff-allocation" name="allocation" label="Allocation (%)" type="number" min={1} max={100} value={allocation} onChange={(e) => setAllocation(e.target.value)} errors={errors.allocation} required />
      <TextField id="staff-start" name="startDate" label="Start date" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} errors={errors.startDate} required />
      <TextField id="staff-end" name="endDate" label="End date (optional)" type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} errors={errors.endDate} />
      <SelectField
        id="staff-status"
        name="status"
        label="Status"
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        errors={errors.status}
        options={assignmentStatusOptions}
      />
      <div className="sm:col-span-2">
        {employee ? <ProposalWarning employeeId={employee.id} employeeName={employee.name} projectId={projectId} allocation={allocation} startDate={startDate} endDate={endDate} tentative={status === 'tentative'} /> : null}
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? 'Staffing…' : 'Staff person'}</Button>
      </div>
    </form>
  )
}

/** Reads the person's bookings (one request, cached by react-query) and warns before saving. */
export function ProposalWarning(props: { employeeId: string; employeeName: string; projectId: string; allocation: string; startDate: string; endDate: string; tentative: boolean; replacing?: { projectId: string; start: string } }) {
  const staffing = useQuery(employeeStaffingOptions(props.employeeId))
  if (!staffing.data) return null
  return <OverAllocationWarning bookings={staffing.data.employee.bookings} timeOff={staffing.data.employee.timeOff} {...props} />
}

/** "Frontend Engineer · free 40–100% · TypeScript 4, React 0": what the picker says of a candidate. */
function candidateDetail({ candidate, freeMin, freeAverage, levels }: RankedCandidate<EmployeeSummary>): string {
  const free = freeMin === freeAverage && freeMin === 100 ? 'free throughout' : freeMin === 0 && freeAverage === 0 ? 'fully booked' : `free ${freeMin}% at least, ${freeAverage}% on average`
  const skills = levels.length ? levels.map((level) => `${level.technologyName} ${level.level || '–'}`).join(', ') : ''
  return [`${candidate.title}`, free, skills].filter(Boolean).join(' · ')
}
