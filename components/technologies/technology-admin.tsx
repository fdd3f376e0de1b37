'use client'

import { deleteTechnologyAction, updateTechnologyAction } from '@/lib/actions/technologies'
import { Button } from '@/components/ui/button'
import { ConfirmDeleteDialog, plural } from '@/components/ui/confirm-delete-dialog'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { SaveTarget } from '@/components/ui/save-target'
import { StaleNotice } from '@/components/ui/stale-notice'
import { useActionForm } from '@/components/ui/use-action-form'
import type { TechnologySummary } from '@/lib/dto'
import { technologyCategories } from '@/lib/technologies/schemas'

export function TechnologyForm({ technology }: { technology: TechnologySummary }) {
  const { formAction, pending, errors, values, formError, current } = useActionForm(updateTechnologyAction)
  return (
    <form action={formAction} className="grid max-w-xl gap-4 sm:grid-cols-2" noValidate aria-label="Edit technology">
      <div className="sm:col-span-2">{formError ? <FormError errors={[formError]} /> : null}</div>
      <SaveTarget idName="technologyId" record={technology} current={current} />
      <div className="sm:col-span-2">
        <StaleNotice current={current} fields={[{ name: 'name', label: 'Name' }, { name: 'category', label: 'Category' }]} />
      </div>
      <TextField name="name" label="Name" defaultValue={values?.name ?? technology.name} errors={errors.name} required />
      <SelectField
        name="category"
        label="Category"
        defaultValue={values?.category ?? technology.category}
        errors={errors.category}
        options={technologyCategories.map((category) => ({ value: category, label: category[0].toUpperCase() + category.slice(1) }))}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save technology'}</Button>
      </div>
    </form>
  )
}

export function DeleteTechnologyDialog({ technology, projects, people }: { technology: TechnologySummary; projects: number; people: number }) {
  return (
    <ConfirmDeleteDialog label="Delete technology" title={`Delete ${technology.name}?`} action={deleteTechnologyAction} fields={{ technologyId: technology.id }} job={{ kind: 'delete-technology', targetId: technology.id }}>
      <p>
        This removes {technology.name} from the stack of {plural(projects, 'project')} and the skills of {plural(people, 'person', 'people')}. The projects and people stay. This cannot be undone.
      </p>
    </ConfirmDeleteDialog>
  )
}
