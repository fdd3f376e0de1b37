import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { authorize, type Actor } from '../authorization'
import { readRateCard, type RateCardEntity } from '../db'
import { firmCurrency } from '../money/currency'

export interface RateCardView {
  currency: string
  rates: { role: string; rate: number }[]
  /** 0 before a card was saved. */
  version: number
}

export function toRateCardView(item: FormattedItem<typeof RateCardEntity> | null): RateCardView {
  return {
    currency: firmCurrency(),
    rates: Object.values(item?.rates ?? {}).sort((a, b) => a.role.localeCompare(b.role)),
    version: item?.version ?? 0,
  }
}

/** The firm's default rate card (one consistent GetItem): managers and admins. */
export async function getRateCard(actor: Actor | null): Promise<RateCardView> {
  authorize(actor, 'see-money')
  return toRateCardView(await readRateCard())
}
