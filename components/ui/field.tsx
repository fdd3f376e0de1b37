import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'

interface FieldProps {
  name: string
  label: string
  errors?: string[]
  hint?: ReactNode
  id?: string
}

const control = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600'

function FieldShell({ id, label, errors, hint, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? <p className="mt-1 text-xs text-slate-600">{hint}</p> : null}
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700">
        {errors?.join(' ')}
      </p>
    </div>
  )
}

function describedBy(id: string, errors?: string[]) {
  return errors?.length ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}
}

export function TextField({ name, label, errors, hint, id = name, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} name={name} label={label} errors={errors} hint={hint}>
      <input id={id} name={name} className={control} {...describedBy(id, errors)} {...props} />
    </FieldShell>
  )
}

export function TextAreaField({ name, label, errors, hint, id = name, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} name={name} label={label} errors={errors} hint={hint}>
      <textarea id={id} name={name} className={control} rows={3} {...describedBy(id, errors)} {...props} />
    </FieldShell>
  )
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  id = name,
  options,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  return (
    <FieldShell id={id} name={name} label={label} errors={errors} hint={hint}>
      <select id={id} name={name} className={control} {...describedBy(id, errors)} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

export function FormError({ errors }: { errors?: string[] }) {
  if (!errors?.length) return null
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {errors.join(' ')}
    </p>
  )
}
