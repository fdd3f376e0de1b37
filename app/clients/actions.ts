'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { formValues, success, toActionError, type ActionState } from '@/lib/action-state'
import { createClient, deleteClient, updateClient } from '@/lib/clients/mutations'
import { createProject } from '@/lib/projects/mutations'

export async function createClientAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData)
  let clientId: string
  try {
    clientId = (await createClient(values as never)).id
  } catch (error) {
    return toActionError(error, values)
  }
  revalidatePath('/clients')
  redirect(`/clients/${clientId}?created=1`)
}

export async function updateClientAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData)
  try {
    await updateClient(values as never)
  } catch (error) {
    return toActionError(error, values)
  }
  revalidatePath('/', 'layout')
  return success('Client saved')
}

export async function deleteClientAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const clientId = String(formData.get('clientId') ?? '')
  try {
    await deleteClient({ clientId })
  } catch (error) {
    return toActionError(error)
  }
  revalidatePath('/', 'layout')
  redirect('/clients?deleted=1')
}

export async function createProjectAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData)
  let path: string
  try {
    const project = await createProject(values as never)
    path = `/clients/${project.clientId}/projects/${project.id}`
  } catch (error) {
    return toActionError(error, values)
  }
  revalidatePath(`/clients/${values.clientId}`)
  redirect(`${path}?created=1`)
}
