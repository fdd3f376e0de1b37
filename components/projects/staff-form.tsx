'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { staffEmployeeAction } from '@/lib/actions/projects'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/field'
import { SearchPicker, usePick } from '@/components/ui/search-picker'
import { useActionForm } from '@/components/ui/use-action-form'
import { useIdempotencyKey } from '@/components/ui/use-idempotency-key'
import { AssignmentFields, type AssignmentDraft } from '@/components/staffing/assignment-fields'
import { employeeKeys, employeeSearchOptions } from '@/lib/employees/query-options'
import { rankCandidates, type RankedCandidate } from '@/lib/staffing/candidates'
import { todayIso } from '@/lib/load/allocation'
import type { EmployeeSummary } from '@/lib/dto'

type StackTechnology = { technologyId: string; technologyName: string }

export function StaffForm({ clientId, projectId, defaultStart, stack }: { clientId: string; projectId: string; defaultStart: string; stack: StackTechnology[] }) {
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const pick = usePick()
  const employee = pick.picked
  const [draft, setDraft] = useState<AssignmentDraft>({ allocation: '50', startDate: defaultStart, endDate: '', status: 'confirmed' })
  const results = useQuery({ ...employeeSearchOptions(pick.search), enabled: pick.searching })
  const [idempotencyKey, renewIdempotencyKey] = useIdempotencyKey()

  const { formAction, pending, errors, formError } = useActionForm(staffEmployeeAction, () => {
    void queryClient.invalidateQueries({ queryKey: employeeKeys.all })
    pick.clear()
    renewIdempotencyKey()
    formRef.current?.reset()
  })

  const personPicker = (
    <SearchPicker
      placeholder="Type a name"
      label="Person"
      {...pick.pickerProps}
      // Best candidates first: room over the dates, then skill in the project's technologies.
      options={rankCandidates(results.data?.items ?? [], {
        start: /^\d{4}-\d{2}-\d{2}$/.test(draft.startDate) ? draft.startDate : todayIso(),
        end: /^\d{4}-\d{2}-\d{2}$/.test(draft.endDate) ? draft.endDate : null,
        allocation: Number(draft.allocation) || 0,
        stack,
        today: todayIso(),
      }).map((ranked) => ({ id: ranked.candidate.id, label: ranked.candidate.name, detail: candidateDetail(ranked) }))}
      loading={results.isFetching}
      errors={errors.employeeId}
    />
  )

  return (
    <form ref={formRef} action={formAction} className="space-y-4" noValidate aria-label="Staff a person">
      {formError ? <FormError errors={[formError]} /> : null}
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="employeeId" value={employee?.id ?? ''} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <AssignmentFields picker={personPicker} draft={draft} onDraftChange={setDraft} errors={errors} rate={{}} proposal={employee ? { employeeId: employee.id, employeeName: employee.name, projectId } : null} />
      <Button type="submit" disabled={pending}>{pending ? 'Staffing…' : 'Staff person'}</Button>
    </form>
  )
}

/** "Frontend Engineer · free 40–100% · TypeScript 4, React 0": what the picker says of a candidate. */
function candidateDetail({ candidate, freeMin, freeAverage, levels }: RankedCandidate<EmployeeSummary>): string {
  const free = freeMin === freeAverage && freeMin === 100 ? 'free throughout' : freeMin === 0 && freeAverage === 0 ? 'fully booked' : `free ${freeMin}% at least, ${freeAverage}% on average`
  const skills = levels.length ? levels.map((level) => `${level.technologyName} ${level.level || '–'}`).join(', ') : ''
  return [`${candidate.title}`, free, skills].filter(Boolean).join(' · ')
}
