'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { formValues, success, toActionError, type ActionState } from '@/lib/action-state'
import type { TechnologySummary } from '@/lib/dto'
import { createTechnology, deleteTechnology, updateTechnology } from '@/lib/technologies/mutations'

export async function createTechnologyAction(input: { name: string; category?: string }): Promise<{ technology?: TechnologySummary; error?: ActionState }> {
  try {
    const technology = await createTechnology(input as never)
    revalidatePath('/technologies')
    return { technology }
  } catch (error) {
    return { error: toActionError(error) }
  }
}

export async function updateTechnologyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData)
  try {
    await updateTechnology(values as never)
  } catch (error) {
    return toActionError(error, values)
  }
  revalidatePath('/', 'layout')
  return success('Technology saved')
}

export async function deleteTechnologyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const technologyId = String(formData.get('technologyId') ?? '')
  try {
    await deleteTechnology({ technologyId })
  } catch (error) {
    return toActionError(error)
  }
  revalidatePath('/', 'layout')
  redirect('/technologies')
}
