'use client'

import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { StaleNotice } from '@/components/ui/stale-notice'
import { useActionForm } from '@/components/ui/use-action-form'
import { SaveTarget } from '@/components/ui/save-target'
import type { ActionState } from '@/lib/action-state'
import type { ProjectSummary } from '@/lib/dto'
import { pricingLabels } from '@/lib/projects/schemas'
import { DateInput } from '@/components/ui/date-input'

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>

const statusOptions = [
  { value: 'proposed', label: 'Proposed' },
  { value: 'active', label: 'Active' },
  { value: 'on-hold', label: 'On hold' },
  { value: 'completed', label: 'Completed' },
]

const pricingOptions = Object.entries(pricingLabels).map(([value, label]) => ({ value, label }))
const budgetKindOptions = [
  { value: 'money', label: 'Money (fee or cap)' },
  { value: 'hours', label: 'Hours' },
]

/** A stored budget as the form shows it: money in major units with two decimals, hours as they are. */
function budgetText(budget: ProjectSummary['budget']): string | undefined {
  if (!budget) return undefined
  return budget.kind === 'money' ? (budget.amount / 100).toFixed(2) : String(budget.amount)
}

export function ProjectForm({ action, clientId, project, submitLabel }: { action: Action; clientId: string; project?: ProjectSummary; submitLabel: string }) {
  const { formAction, pending, errors, values, formError, current } = useActionForm(action)
  const value = (name: Exclude<keyof ProjectSummary, 'budget'>) => values?.[name] ?? (project?.[name] != null ? String(project[name]) : undefined)
  return (
    <form action={formAction} className="grid max-w-2xl gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">{formError ? <FormError errors={[formError]} /> : null}</div>
      <input type="hidden" name="clientId" value={clientId} />
      <SaveTarget idName="projectId" record={project} current={current} />
      <div className="sm:col-span-2">
        <StaleNotice
          current={current}
          fields={[{ name: 'name', label: 'Name' }, { name: 'status', label: 'Status' }, { name: 'startDate', label: 'Start' }, { name: 'endDate', label: 'End' }, { name: 'pricing', label: 'Pricing' }]}
        />
      </div>
      <div className="sm:col-span-2">
        <TextField name="name" label="Project name" defaultValue={value('name')} errors={errors.name} required />
      </div>
      <div className="sm:col-span-2">
        <TextAreaField name="description" label="Description" defaultValue={value('description')} errors={errors.description} />
      </div>
      <SelectField name="status" label="Status" defaultValue={value('status') ?? 'proposed'} errors={errors.status} options={statusOptions} />
      <SelectField name="pricing" label="Pricing" defaultValue={value('pricing') ?? 'time_and_materials'} errors={errors.pricing} options={pricingOptions} />
      <SelectField name="budgetKind" label="Budget in" defaultValue={values?.budgetKind ?? project?.budget?.kind ?? 'money'} errors={errors.budgetKind} options={budgetKindOptions} />
      <TextField
        name="budget"
        label="Budget (optional)"
        hint="For fixed price, the fee. Money as typed (12,500.00), or hours."
        inputMode="decimal"
        defaultValue={values?.budget ?? budgetText(project?.budget ?? null)}
        errors={errors.budget}
      />
      <DateInput name="startDate" label="Start date" defaultValue={value('startDate')} errors={errors.startDate} required />
      <DateInput name="endDate" label="End date (optional)" defaultValue={value('endDate')} errors={errors.endDate} />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : submitLabel}</Button>
      </div>
    </form>
  )
}
