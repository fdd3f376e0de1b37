'use client'

import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { SearchPicker, usePick } from '@/components/ui/search-picker'
import { useActionForm } from '@/components/ui/use-action-form'
import { useIdempotencyKey } from '@/components/ui/use-idempotency-key'
import { inviteUserAction } from '@/lib/actions/users'
import { roles } from '@/lib/authorization'
import { employeeSearchOptions } from '@/lib/employees/query-options'

/**
 * The admin's "Invite a user": e-mail, role, the person's employee record, and (with password
 * sign-in) the initial password, which the admin passes on; with the company sign-in as well, a blank
 * password means "company account only".
 */
export function InviteUserForm({ password }: { password: 'required' | 'optional' | 'off' }) {
  const formRef = useRef<HTMLFormElement>(null)
  const pick = usePick()
  const results = useQuery({ ...employeeSearchOptions(pick.search), enabled: pick.searching })
  const [idempotencyKey, renewIdempotencyKey] = useIdempotencyKey()
  // A name typed but not picked would invite the user unlinked: say so instead of sending.
  const [pickError, setPickError] = useState<string>()
  const { formAction, pending, errors, values, formError } = useActionForm(inviteUserAction, () => {
    pick.clear()
    renewIdempotencyKey()
    formRef.current?.reset()
  })

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(event) => {
        const unpicked = pick.searching && !pick.picked
        setPickError(unpicked ? 'Pick a person from the list, or clear this field' : undefined)
        if (unpicked) event.preventDefault()
      }}
      noValidate aria-labelledby="invite-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="invite-heading" className="text-lg font-semibold">Invite a user</h2>
      {formError ? <FormError errors={[formError]} /> : null}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="employeeId" value={pick.picked?.id ?? ''} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="email" id="invite-email" label="E-mail" type="email" autoComplete="off" required defaultValue={values?.email} errors={errors.email} />
        <SelectField
          name="role"
          id="invite-role"
          label="Role"
          defaultValue={values?.role ?? 'employee'}
          errors={errors.role}
          options={roles.map((role) => ({ value: role, label: role[0].toUpperCase() + role.slice(1) }))}
        />
        <SearchPicker
          label="Employee record (optional)"
          placeholder="Type a name"
          {...pick.pickerProps}
          options={(results.data?.items ?? []).map((employee) => ({ id: employee.id, label: employee.name, detail: `${employee.title} · ${employee.email}` }))}
          loading={results.isFetching}
          errors={pickError ? [pickError] : errors.employeeId}
        />
        {password === 'off' ? null : (
          <TextField
            name="password"
            id="invite-password"
            label={password === 'required' ? 'Initial password' : 'Initial password (optional)'}
            type="password"
            autoComplete="new-password"
            required={password === 'required'}
            errors={errors.password}
            hint={
              password === 'required'
                ? 'At least 10 characters. Pass it on yourself: Roster shows it nowhere.'
                : 'Leave blank to let them sign in with the company account only. At least 10 characters; Roster shows it nowhere.'
            }
          />
        )}
      </div>
      {errors.idempotencyKey ? <FormError errors={errors.idempotencyKey} /> : null}
      <p className="text-sm text-slate-600">
        {password === 'off'
          ? 'They sign in with the company account; the role and employee record apply from their first sign-in.'
          : 'Without an employee record, they are linked to the person with their e-mail, if there is one.'}
      </p>
      <Button type="submit" disabled={pending}>{pending ? 'Inviting…' : 'Invite user'}</Button>
    </form>
  )
}
