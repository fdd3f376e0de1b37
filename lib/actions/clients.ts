'use server'

import { redirect } from 'next/navigation'
import type { ActionState } from '../action-state'
import { createClient, deleteClient, updateClient } from '../clients/mutations'
import { runAction, runActionForResult } from './run'

export async function createClientAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const outcome = await runActionForResult(formData, createClient)
  if ('error' in outcome) return outcome.error
  redirect(`/clients/${outcome.result.id}?created=1`)
}

export async function updateClientAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, updateClient, () => 'Client saved')
}

export async function deleteClientAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const outcome = await runActionForResult(formData, deleteClient)
  if ('error' in outcome) return outcome.error
  redirect('/clients?deleted=1')
}
