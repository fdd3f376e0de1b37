'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { formValues, success, toActionError, type ActionState } from '@/lib/action-state'
import { addTechnologyToProject, deleteProject, removeTechnologyFromProject, updateProject } from '@/lib/projects/mutations'
import { changeAssignment, staffEmployee, unstaffEmployee } from '@/lib/staffing/mutations'

function revalidateProject() {
  // The dashboard, the project page and the staffed people's pages all show this data.
  revalidatePath('/', 'layout')
}

export async function updateProjectAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData)
  try {
    await updateProject(values as never)
  } catch (error) {
    return toActionError(error, values)
  }
  revalidateProject()
  return success('Project saved')
}

export async function staffEmployeeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData)
  try {
    const assignment = await staffEmployee(values as never)
    revalidateProject()
    return success(`${assignment.employeeName} staffed as ${assignment.role}`)
  } catch (error) {
    return toActionError(error, values)
  }
}

export async function changeAssignmentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData)
  try {
    const assignment = await changeAssignment(values as never)
    revalidateProject()
    return success(`${assignment.employeeName}'s assignment updated`)
  } catch (error) {
    return toActionError(error, values)
  }
}

export async function unstaffEmployeeAction(input: { clientId: string; projectId: string; assignmentId: string }): Promise<ActionState> {
  try {
    await unstaffEmployee(input)
    revalidateProject()
    return success('Assignment removed')
  } catch (error) {
    return toActionError(error)
  }
}

export async function addTechnologyAction(input: { clientId: string; projectId: string; technologyId: string }): Promise<ActionState> {
  try {
    const entry = await addTechnologyToProject(input)
    revalidateProject()
    return success(`${entry.technologyName} added to the stack`)
  } catch (error) {
    return toActionError(error)
  }
}

export async function removeTechnologyAction(input: { clientId: string; projectId: string; technologyId: string }): Promise<ActionState> {
  try {
    await removeTechnologyFromProject(input)
    revalidateProject()
    return success('Technology removed from the stack')
  } catch (error) {
    return toActionError(error)
  }
}

export async function deleteProjectAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const clientId = String(formData.get('clientId') ?? '')
  const projectId = String(formData.get('projectId') ?? '')
  try {
    await deleteProject({ clientId, projectId })
  } catch (error) {
    return toActionError(error)
  }
  revalidateProject()
  redirect(`/clients/${clientId}`)
}
