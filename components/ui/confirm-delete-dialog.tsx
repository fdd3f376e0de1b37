'use client'

import { useQuery } from '@tanstack/react-query'
import { useActionState, useState, type ReactNode } from 'react'
import type { ActionState } from '@/lib/action-state'
import { jobProgressOptions } from '@/lib/jobs/query-options'
import { Button } from './button'
import { Dialog } from './dialog'
import { FormError } from './field'

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>

export function plural(count: number, singular: string, pluralForm = `${singular}s`) {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

/**
 * A delete button that opens a dialog saying what goes with the item, and deletes only on
 * confirmation. While a large delete runs, the dialog shows how far its job has got.
 */
export function ConfirmDeleteDialog({
  label,
  title,
  children,
  action,
  fields,
  job,
}: {
  label: string
  title: string
  children: ReactNode
  action: Action
  fields: Record<string, string>
  job: { kind: string; targetId: string }
}) {
  const [open, setOpen] = useState(false)
  const [state, formAction, pending] = useActionState(action, { status: 'idle' })
  const progress = useQuery({ ...jobProgressOptions(job.kind, job.targetId), enabled: pending })
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>{label}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <div className="text-sm text-slate-700">{children}</div>
        <form action={formAction} className="mt-4 space-y-3">
          {state.status === 'error' ? <FormError errors={[state.message]} /> : null}
          {pending && progress.data?.running && progress.data.total ? (
            <div role="status" className="space-y-1 text-sm text-slate-700">
              <label htmlFor="delete-progress">Deleted {progress.data.done ?? 0} of {progress.data.total} linked items…</label>
              <progress id="delete-progress" className="block w-full" max={progress.data.total} value={progress.data.done ?? 0} />
            </div>
          ) : null}
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)} autoFocus>Cancel</Button>
            <Button type="submit" variant="danger" disabled={pending}>{pending ? 'Deleting…' : 'Delete permanently'}</Button>
          </div>
        </form>
      </Dialog>
    </>
  )
}
