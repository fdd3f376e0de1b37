'use client'

import { deleteClientAction } from '@/lib/actions/clients'
import { ConfirmDeleteDialog, plural } from '@/components/ui/confirm-delete-dialog'

export function DeleteClientDialog({ clientId, clientName, projects, assignments, stackEntries }: { clientId: string; clientName: string; projects: number; assignments: number; stackEntries: number }) {
  return (
    <ConfirmDeleteDialog label="Delete client" title={`Delete ${clientName}?`} action={deleteClientAction} fields={{ clientId }} job={{ kind: 'delete-client', targetId: clientId }}>
      <p>
        This deletes the client and everything with it: {plural(projects, 'project')}, {plural(assignments, 'assignment')}, {plural(stackEntries, 'stack entry', 'stack entries')}. Staffing views and technology pages will no longer show them. This cannot be undone.
      </p>
    </ConfirmDeleteDialog>
  )
}
