'use server'

import { redirect } from 'next/navigation'
import type { ActionState } from '../action-state'
import type { TechnologySummary } from '../dto'
import { createTechnology, deleteTechnology, updateTechnology } from '../technologies/mutations'
import { runAction, runActionForResult } from './run'

export async function createTechnologyAction(input: { name: string; category?: string }): Promise<{ technology?: TechnologySummary; error?: ActionState }> {
  const outcome = await runActionForResult(input, createTechnology)
  return 'error' in outcome ? { error: outcome.error } : { technology: outcome.result }
}

export async function updateTechnologyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, updateTechnology, () => 'Technology saved')
}

export async function deleteTechnologyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const outcome = await runActionForResult(formData, deleteTechnology)
  if ('error' in outcome) return outcome.error
  redirect('/technologies')
}

