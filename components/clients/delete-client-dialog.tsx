'use client'

import { useActionState, useState } from 'react'
import { deleteClientAction } from '@/app/clients/actions'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { FormError } from '@/components/ui/field'

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

export function DeleteClientDialog({ clientId, clientName, projects, assignments, stackEntries }: { clientId: string; clientName: string; projects: number; assignments: number; stackEntries: number }) {
  const [open, setOpen] = useState(false)
  const [state, formAction, pending] = useActionState(deleteClientAction, { status: 'idle' })
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>Delete client</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete ${clientName}?`}>
        <p className="text-sm text-slate-700">
          This deletes the client and everything with it: {plural(projects, 'project')}, {plural(assignments, 'assignment')}, {plural(stackEntries, 'stack entry').replace('entrys', 'entries')}. Staffing views and technology pages will no longer show them. This cannot be undone.
        </p>
        <form action={formAction} className="mt-4 space-y-3">
          {state.status === 'error' ? <FormError errors={[state.message]} /> : null}
          <input type="hidden" name="clientId" value={clientId} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)} autoFocus>Cancel</Button>
            <Button type="submit" variant="danger" disabled={pending}>{pending ? 'Deleting…' : 'Delete permanently'}</Button>
          </div>
        </form>
      </Dialog>
    </>
  )
}
