'use client'

import { deleteProjectAction } from '@/lib/actions/projects'
import { ConfirmDeleteDialog, plural } from '@/components/ui/confirm-delete-dialog'

export function DeleteProjectDialog({ clientId, projectId, projectName, assignments, stackEntries }: { clientId: string; projectId: string; projectName: string; assignments: number; stackEntries: number }) {
  return (
    <ConfirmDeleteDialog label="Delete project" title={`Delete ${projectName}?`} action={deleteProjectAction} fields={{ clientId, projectId }} job={{ kind: 'delete-project', targetId: projectId }}>
      <p>
        This deletes the project with {plural(assignments, 'assignment')} and {plural(stackEntries, 'stack entry', 'stack entries')}. The people staffed on it and its technologies stay. This cannot be undone.
      </p>
    </ConfirmDeleteDialog>
  )
}
