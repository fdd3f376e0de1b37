'use client'

import { Button } from '@/components/ui/button'
import { FormError, TextField } from '@/components/ui/field'
import { StaleNotice } from '@/components/ui/stale-notice'
import { useActionForm } from '@/components/ui/use-action-form'
import { SaveTarget } from '@/components/ui/save-target'
import type { ActionState } from '@/lib/action-state'
import type { EmployeeSummary } from '@/lib/dto'

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>

export function EmployeeForm({ action, employee, practices, submitLabel }: { action: Action; employee?: EmployeeSummary; practices: string[]; submitLabel: string }) {
  const { formAction, pending, errors, values, formError, current } = useActionForm(action)
  const value = (name: keyof EmployeeSummary) => values?.[name] ?? (employee ? String(employee[name]) : undefined)
  return (
    <form action={formAction} className="grid max-w-2xl gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">{formError ? <FormError errors={[formError]} /> : null}</div>
      <SaveTarget idName="employeeId" record={employee} current={current} />
      <div className="sm:col-span-2">
        <StaleNotice
          current={current}
          fields={[{ name: 'name', label: 'Name' }, { name: 'email', label: 'Email' }, { name: 'title', label: 'Title' }, { name: 'practice', label: 'Practice' }, { name: 'location', label: 'Location' }, { name: 'capacityHours', label: 'Weekly capacity' }]}
        />
      </div>
      <TextField name="name" label="Name" defaultValue={value('name')} errors={errors.name} autoComplete="name" required />
      <TextField name="email" label="Email" type="email" defaultValue={value('email')} errors={errors.email} autoComplete="email" required />
      <TextField name="title" label="Title" defaultValue={value('title')} errors={errors.title} required />
      <TextField name="practice" label="Practice" list="practices" defaultValue={value('practice')} errors={errors.practice} required />
      <datalist id="practices">
        {practices.map((practice) => <option key={practice} value={practice} />)}
      </datalist>
      <TextField name="location" label="Location" defaultValue={value('location')} errors={errors.location} required />
      <TextField name="capacityHours" label="Weekly capacity (hours)" type="number" min={1} max={80} defaultValue={value('capacityHours') ?? '40'} errors={errors.capacityHours} />
      <TextField
        name="costRate"
        label="Cost rate per hour (optional)"
        inputMode="decimal"
        hint="What an hour of this person costs the firm; managers and admins see it."
        defaultValue={values?.costRate ?? (employee?.costRate != null ? (employee.costRate / 100).toFixed(2) : undefined)}
        errors={errors.costRate}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : submitLabel}</Button>
      </div>
    </form>
  )
}
