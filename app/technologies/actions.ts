'use server'

import { revalidatePath } from 'next/cache'
import { toActionError, type ActionState } from '@/lib/action-state'
import type { TechnologySummary } from '@/lib/dto'
import { createTechnology } from '@/lib/technologies/mutations'

export async function createTechnologyAction(input: { name: string; category?: string }): Promise<{ technology?: TechnologySummary; error?: ActionState }> {
  try {
    const technology = await createTechnology(input as never)
    revalidatePath('/technologies')
    return { technology }
  } catch (error) {
    return { error: toActionError(error) }
  }
}
