'use client'

import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { StaleNotice } from '@/components/ui/stale-notice'
import { useActionForm } from '@/components/ui/use-action-form'
import { SaveTarget } from '@/components/ui/save-target'
import type { ActionState } from '@/lib/action-state'
import type { ClientSummary } from '@/lib/dto'

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>

export function ClientForm({ action, client, submitLabel }: { action: Action; client?: ClientSummary; submitLabel: string }) {
  const { formAction, pending, errors, values, formError, current } = useActionForm(action)
  const value = (name: keyof ClientSummary) => values?.[name] ?? (client ? String(client[name]) : undefined)
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      {formError ? <FormError errors={[formError]} /> : null}
      <StaleNotice current={current} fields={[{ name: 'name', label: 'Name' }, { name: 'industry', label: 'Industry' }, { name: 'contactEmail', label: 'Contact email' }, { name: 'status', label: 'Status' }]} />
      <SaveTarget idName="clientId" record={client} current={current} />
      <TextField name="name" label="Name" defaultValue={value('name')} errors={errors.name} required autoComplete="organization" />
      <TextField name="industry" label="Industry" defaultValue={value('industry')} errors={errors.industry} required />
      <TextField name="contactEmail" label="Contact email" type="email" defaultValue={value('contactEmail')} errors={errors.contactEmail} required />
      <SelectField
        name="status"
        label="Status"
        defaultValue={value('status') ?? 'active'}
        errors={errors.status}
        options={[{ value: 'active', label: 'Active' }, { value: 'archived', label: 'Archived' }]}
      />
      <Button type="submit" disabled={pending}>{pending ? 'Saving…' : submitLabel}</Button>
    </form>
  )
}
