'use server'

import type { ActionState } from '../action-state'
import { saveRateCard } from '../finance/mutations'
import { setProjectRates } from '../projects/mutations'
import { runAction } from './run'

export async function saveRateCardAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, saveRateCard, (card) => `Rate card saved; ${card.repriced} assignment${card.repriced === 1 ? '' : 's'} repriced`)
}

export async function saveProjectRatesAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, setProjectRates, () => 'Project rates saved')
}
