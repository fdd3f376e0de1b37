'use server'

import { redirect } from 'next/navigation'
import type { ActionState } from '../action-state'
import { assignUnfilledRole, changeUnfilledRole, createUnfilledRole, deleteUnfilledRole } from '../roles/mutations'
import { runAction, runActionForResult } from './run'

export async function createUnfilledRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, createUnfilledRole, (role) => `Unfilled role "${role.role}" planned`)
}

export async function changeUnfilledRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, changeUnfilledRole, (role) => `Unfilled role "${role.role}" saved`)
}

export async function deleteUnfilledRoleAction(input: { clientId: string; projectId: string; roleId: string }): Promise<ActionState> {
  return runAction(input, deleteUnfilledRole, () => 'Unfilled role deleted')
}

/** "Assign" on the suggestions page: back to the project, which shows the new assignment. */
export async function assignUnfilledRoleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const outcome = await runActionForResult(formData, assignUnfilledRole)
  if ('error' in outcome) return outcome.error
  const { clientId, projectId, employeeName } = outcome.result
  redirect(`/clients/${clientId}/projects/${projectId}?assigned=${encodeURIComponent(employeeName)}`)
}
