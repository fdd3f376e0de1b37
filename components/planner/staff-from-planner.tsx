'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { staffEmployeeAction } from '@/lib/actions/projects'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError, SelectField } from '@/components/ui/field'
import { SearchPicker, usePick } from '@/components/ui/search-picker'
import { useActionForm } from '@/components/ui/use-action-form'
import { useIdempotencyKey } from '@/components/ui/use-idempotency-key'
import { AssignmentFields, type AssignmentDraft } from '@/components/staffing/assignment-fields'
import { clientDashboardOptions, clientSearchOptions } from '@/lib/clients/query-options'
import { employeeKeys } from '@/lib/employees/query-options'
import type { PlannerRow } from '@/lib/planner/grid'

/** The staffing dialog the planner opens on a selected week or range: person and dates filled in. */
export function StaffFromPlanner({
  person,
  start,
  end,
  free,
  onClose,
  onStaffed,
}: {
  person: Pick<PlannerRow, 'id' | 'name'>
  start: string
  end: string
  free: number
  onClose: () => void
  onStaffed: () => void
}) {
  const queryClient = useQueryClient()
  const pick = usePick()
  const client = pick.picked
  const [projectId, setProjectId] = useState('')
  // What the person has free in every selected week, as a round figure; half time when they have none.
  const [draft, setDraft] = useState<AssignmentDraft>({ allocation: String(free >= 5 ? Math.floor(free / 5) * 5 : 50), startDate: start, endDate: end, status: 'confirmed' })
  const [idempotencyKey] = useIdempotencyKey()
  const clients = useQuery({ ...clientSearchOptions(pick.search), enabled: pick.searching })
  const dashboard = useQuery(clientDashboardOptions(client?.id ?? ''))
  const projects = (dashboard.data?.projects ?? []).filter((project) => project.status !== 'completed')
  const { formAction, pending, errors, formError } = useActionForm(staffEmployeeAction, () => {
    void queryClient.invalidateQueries({ queryKey: employeeKeys.all })
    onStaffed()
  })

  // Which project: a client first, then one of its open projects.
  const projectPicker = (
    <>
      <SearchPicker
        label="Client"
        placeholder="Type a client's name"
        {...pick.pickerProps}
        onTextChange={(text) => {
          pick.pickerProps.onTextChange(text)
          setProjectId('')
        }}
        options={(clients.data?.items ?? []).map((item) => ({ id: item.id, label: item.name, detail: item.industry }))}
        loading={clients.isFetching}
        errors={errors.clientId}
      />
      <SelectField
        id="planner-staff-project"
        name="projectId"
        label="Project"
        value={projectId}
        onChange={(event) => setProjectId(event.target.value)}
        disabled={!client}
        errors={errors.projectId}
        hint={!client ? 'Choose a client first' : dashboard.isPending ? 'Loading projects…' : projects.length === 0 ? 'This client has no open projects' : undefined}
        options={[{ value: '', label: client ? 'Choose a project' : '—' }, ...projects.map((project) => ({ value: project.id, label: project.name }))]}
      />
    </>
  )

  return (
    <Dialog open onClose={onClose} title={`Staff ${person.name}`}>
      <form action={formAction} noValidate aria-label={`Staff ${person.name}`} className="space-y-4">
        {formError ? <FormError errors={[formError]} /> : null}
        <input type="hidden" name="employeeId" value={person.id} />
        <input type="hidden" name="clientId" value={client?.id ?? ''} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <AssignmentFields picker={projectPicker} draft={draft} onDraftChange={setDraft} errors={errors} allocationHint={`${free}% free in every selected week`} proposal={{ employeeId: person.id, employeeName: person.name, projectId }} />
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>{pending ? 'Staffing…' : `Staff ${person.name}`}</Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
