import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { authorize, type Actor } from '../authorization'
import { cachedScreen, nameAccessPattern, readRateCard, type RateCardEntity } from '../db'
import { FinanceSummaryEntity } from '../db/entities/digests'
import { financeDigests, readSummaries } from '../db/overview-store'
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
 * and the projects at risk of overrunning their budget, from the finance digests' summaries: one
 * BatchGetItem of 32 keys at any firm size. Managers and admins.
 */
export async function getFinance(actor: Actor | null, options: { today?: string } = {}): Promise<FinanceView & { currency: string }> {
  authorize(actor, 'see-money')
  const today = options.today ?? todayIso()
  return cachedScreen({ screen: 'finance', role: actor.role, args: [today] }, async () => {
    nameAccessPattern('Finance')
    const found = await readSummaries(FinanceSummaryEntity, financeDigests)
    return { ...mergeFinance([...found.values()], today), currency: firmCurrency() }
  })
}
