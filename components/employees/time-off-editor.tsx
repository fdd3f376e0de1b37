'use client'

import { useTransition } from 'react'
import { useRouter } from 'next/navigation'
import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { useActionForm } from '@/components/ui/use-action-form'
import { useIdempotencyKey } from '@/components/ui/use-idempotency-key'
import { useToast } from '@/components/ui/toast'
import { addTimeOffAction, removeTimeOffAction } from '@/lib/actions/employees'
import type { TimeOff } from '@/lib/dto'
import { formatDateRange } from '@/lib/format'
import { DateInput } from '@/components/ui/date-input'

const kinds = [
  { value: 'vacation', label: 'Vacation' },
  { value: 'sick', label: 'Sick leave' },
  { value: 'other', label: 'Other' },
]
const kindLabel = (kind: TimeOff['kind']) => kinds.find((option) => option.value === kind)?.label ?? kind

/** The person's time off; `editable` (a manager, or the person themselves) adds the form and Remove. */
export function TimeOffEditor({ employeeId, timeOff, editable, today }: { employeeId: string; timeOff: TimeOff[]; editable: boolean; today: string }) {
  const [idempotencyKey, renewIdempotencyKey] = useIdempotencyKey()
  const { formAction, pending, errors, formError } = useActionForm(addTimeOffAction, renewIdempotencyKey)
  const coming = timeOff.filter((entry) => entry.end >= today)
  return (
    <section aria-labelledby="time-off-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="time-off-heading" className="mb-3 text-lg font-semibold">Time off</h2>
      {coming.length === 0 ? (
        <p className="text-sm text-slate-600">No time off coming up.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {coming.map((entry) => (
            <TimeOffRow key={entry.id} employeeId={employeeId} entry={entry} editable={editable} />
          ))}
        </ul>
      )}
      {editable ? (
        <form action={formAction} className="mt-4 grid gap-3 sm:grid-cols-2" aria-label="Record time off" noValidate>
          <input type="hidden" name="employeeId" value={employeeId} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <div className="sm:col-span-2">{formError && !Object.keys(errors).length ? <FormError errors={[formError]} /> : null}</div>
          <SelectField id="time-off-kind" name="kind" label="Kind" defaultValue="vacation" options={kinds} errors={errors.kind} />
          <TextField id="time-off-note" name="note" label="Note (optional)" maxLength={200} errors={errors.note} />
          <DateInput id="time-off-start" name="startDate" label="First day off" defaultValue={today} errors={errors.startDate} required />
          <DateInput id="time-off-end" name="endDate" label="Last day off" defaultValue={today} errors={errors.endDate} required />
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Record time off'}</Button>
          </div>
        </form>
      ) : null}
    </section>
  )
}

function TimeOffRow({ employeeId, entry, editable }: { employeeId: string; entry: TimeOff; editable: boolean }) {
  const [removing, startRemoving] = useTransition()
  const router = useRouter()
  const toast = useToast()
  const label = `${kindLabel(entry.kind)}, ${formatDateRange(entry.start, entry.end)}`
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span>
        <span className="font-medium">{kindLabel(entry.kind)}</span> · {formatDateRange(entry.start, entry.end)}
        {entry.note ? <span className="text-slate-600"> · {entry.note}</span> : null}
      </span>
      {editable ? (
        <Button
          variant="ghost"
          disabled={removing}
          aria-label={`Remove ${label}`}
          onClick={() =>
            startRemoving(async () => {
              const result = await removeTimeOffAction({ employeeId, timeOffId: entry.id })
              toast(result.status === 'idle' ? '' : result.message, result.status === 'error' ? 'error' : 'success')
              router.refresh()
            })
          }
        >
          {removing ? 'Removing…' : 'Remove'}
        </Button>
      ) : null}
    </li>
  )
}
