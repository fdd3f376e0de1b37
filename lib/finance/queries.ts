import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { authorize, type Actor } from '../authorization'
import { cachedScreen, nameAccessPattern, readFinanceScreen, readRateCard, type RateCardEntity } from '../db'
import { financeDigests } from '../db/overview-store'
import { todayIso } from '../load/allocation'
import { mergeFinance, type FinanceView } from '../money/finance'
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

/**
 * `/finance`: revenue, cost and margin by month for the next 12 months, confirmed and tentative apart,
 * the projects at risk of overrunning their budget, and the rate card, from the finance digests'
 * summaries and the card: one BatchGetItem of 97 keys at any firm size. Managers and admins.
 */
export async function getFinance(actor: Actor | null, options: { today?: string } = {}): Promise<FinanceView & { currency: string; card: RateCardView }> {
  authorize(actor, 'see-money')
  const today = options.today ?? todayIso()
  return cachedScreen({ screen: 'finance', role: actor.role, args: [today] }, async () => {
    nameAccessPattern('Finance')
    // The rate card's form is on the same screen: its item rides in the same BatchGetItem.
    const { summaries, card } = await readFinanceScreen(financeDigests)
    return { ...mergeFinance(summaries, today), currency: firmCurrency(), card: toRateCardView(card) }
  })
}
