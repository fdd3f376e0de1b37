'use client'

import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/field'
import { useId } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useActionForm } from '@/components/ui/use-action-form'
import type { ActionState } from '@/lib/action-state'
import { jobProgressOptions } from '@/lib/jobs/query-options'

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>

/** Rates per role title (the firm's card, or a project's own): one line per role, three blank lines to add one. A line cleared is removed. */
export function RateLinesForm({
  action,
  label,
  hidden,
  rates,
  currency,
  submitLabel,
  job,
}: {
  /** The repricing job a save runs: its progress shows while the save is pending. */
  job: { kind: string; targetId: string; unit: string }
  action: Action
  label: string
  hidden: Record<string, string>
  rates: { role: string; rate: number }[]
  currency: string
  submitLabel: string
}) {
  const { formAction, pending, errors, formError } = useActionForm(action)
  const progress = useQuery({ ...jobProgressOptions(job.kind, job.targetId), enabled: pending })
  const id = useId()
  const lines = [...rates.map((line) => ({ role: line.role, rate: (line.rate / 100).toFixed(2) })), ...Array.from({ length: 3 }, () => ({ role: '', rate: '' }))]
  const rateErrors = errors.rates
  return (
    <form action={formAction} aria-label={label} className="space-y-3" noValidate>
      {formError ? <FormError errors={[formError]} /> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <table className="w-full max-w-lg text-sm">
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="pb-1 font-medium">Role title</th>
            <th scope="col" className="pb-1 font-medium">Rate per hour ({currency})</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <tr key={`${index}-${line.role}`}>
              <td className="py-1 pr-2">
                <input name={`role.${index}`} aria-label={`Role title, line ${index + 1}`} defaultValue={line.role} className="w-full rounded-md border border-slate-300 px-2 py-1" />
              </td>
              <td className="py-1">
                <input
                  name={`rate.${index}`}
                  aria-label={`Rate per hour, line ${index + 1}`}
                  inputMode="decimal"
                  defaultValue={line.rate}
                  aria-describedby={rateErrors ? `${id}-rates-error` : undefined}
                  className="w-full rounded-md border border-slate-300 px-2 py-1 tabular-nums"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id={`${id}-rates-error`} aria-live="polite" className="text-sm text-red-700">
        {rateErrors?.join(' ')}
      </p>
      {pending && progress.data?.running && progress.data.total ? (
        <div role="status" className="space-y-1 text-sm text-slate-700">
          <label htmlFor={`${id}-progress`}>Repricing: {progress.data.done ?? 0} of {progress.data.total} {job.unit}…</label>
          <progress id={`${id}-progress`} className="block w-full max-w-lg" max={progress.data.total} value={progress.data.done ?? 0} />
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>{pending ? 'Saving…' : submitLabel}</Button>
    </form>
  )
}
