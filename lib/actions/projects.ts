'use server'

import { redirect } from 'next/navigation'
import type { ActionState } from '../action-state'
import { addTechnologyToProject, createProject, deleteProject, removeTechnologyFromProject, setStackEntryNote, updateProject } from '../projects/mutations'
import { changeAssignment, staffEmployee, unstaffEmployee } from '../staffing/mutations'
import { runAction, runActionForResult } from './run'

export async function createProjectAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const outcome = await runActionForResult(formData, createProject)
  if ('error' in outcome) return outcome.error
  redirect(`/clients/${outcome.result.clientId}/projects/${outcome.result.id}?created=1`)
}

export async function updateProjectAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, updateProject, () => 'Project saved')
}

export async function deleteProjectAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const outcome = await runActionForResult(formData, deleteProject)
  if ('error' in outcome) return outcome.error
  // The delete accepted this client id, so it is an id (once trimmed, as the delete's schema trims it).
  redirect(`/clients/${encodeURIComponent(String(outcome.fields.clientId).trim())}`)
}

export async function staffEmployeeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, staffEmployee, (assignment) => `${assignment.employeeName} staffed as ${assignment.role}`)
}

export async function changeAssignmentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, changeAssignment, (assignment) => `${assignment.employeeName}'s assignment updated`)
}

export async function unstaffEmployeeAction(input: { clientId: string; projectId: string; assignmentId: string }): Promise<ActionState> {
  return runAction(input, unstaffEmployee, () => 'Assignment removed')
}

export async function addTechnologyAction(input: { clientId: string; projectId: string; technologyId: string }): Promise<ActionState> {
  return runAction(input, addTechnologyToProject, (entry) => `${entry.technologyName} added to the stack`)
}

export async function removeTechnologyAction(input: { clientId: string; projectId: string; technologyId: string }): Promise<ActionState> {
  return runAction(input, removeTechnologyFromProject, () => 'Technology removed from the stack')
}

export async function setStackNoteAction(input: { clientId: string; projectId: string; technologyId: string; note: string }): Promise<ActionState> {
  return runAction(input, setStackEntryNote, (entry) => (entry.note ? `${entry.technologyName}: ${entry.note}` : `Note on ${entry.technologyName} cleared`))
}
