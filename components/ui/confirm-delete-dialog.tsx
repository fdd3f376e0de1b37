'use client'

import { useActionState, useState, type ReactNode } from 'react'
import type { ActionState } from '@/lib/action-state'
import { Button } from './button'
import { Dialog } from './dialog'
import { FormError } from './field'

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>

export function plural(count: number, singular: string, pluralForm = `${singular}s`) {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

/** A delete button that opens a dialog saying what goes with the item, and deletes only on confirmation. */
export function ConfirmDeleteDialog({ label, title, children, action, fields }: { label: string; title: string; children: ReactNode; action: Action; fields: Record<string, string> }) {
  const [open, setOpen] = useState(false)
  const [state, formAction, pending] = useActionState(action, { status: 'idle' })
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>{label}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <div className="text-sm text-slate-700">{children}</div>
        <form action={formAction} className="mt-4 space-y-3">
          {state.status === 'error' ? <FormError errors={[state.message]} /> : null}
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
