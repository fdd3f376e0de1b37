import 'server-only'
import { authorize, type Actor } from '../authorization'
import { PutItemCommand, RateCardEntity, isConditionalCheckFailed, readRateCard } from '../db'
import { AppError } from '../errors'
import { runAsJob } from '../jobs/runner'
import { parseInput } from '../validation'
import { roleKey, type RateCard } from '../money/figures'
import { repriceFirm } from '../edges/repricing'
import { rateCardInput } from './schemas'
import { toRateCardView, type RateCardView } from './queries'

/** The role keys whose rate differs between two cards (added, changed or removed). */
export function changedRoles(before: RateCard, after: RateCard): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key]?.rate !== after[key]?.rate).sort()
}

/**
 * Saves the firm's rate card if unchanged since `version` (0: none yet), then reprices every assignment
 * with a changed role, as a job with progress (client by client): `onProgress` hears it.
 */
export async function saveRateCard(
  actor: Actor | null,
  input: unknown,
  options: { onProgress?: (progress: { done: number; total: number }) => void } = {},
): Promise<RateCardView & { repriced: number }> {
  authorize(actor, 'manage')
  authorize(actor, 'see-money')
  const { version, rates } = parseInput(rateCardInput, input, 'rate card')
  const current = await readRateCard()
  if ((current?.version ?? 0) !== version) {
    throw new AppError('conflict:stale', 'Someone else changed the rate card since you loaded it. Reload to see their rates.')
  }
  const card: RateCard = Object.fromEntries(rates.map((line) => [roleKey(line.role), { role: line.role.trim(), rate: line.rate }]))
  const roles = changedRoles(current?.rates ?? {}, card)
  try {
    await RateCardEntity.build(PutItemCommand)
      .item({ rates: card, version: version + 1 })
      .options({ condition: version === 0 ? { attr: 'PK', exists: false } : { attr: 'version', eq: version } })
      .send()
  } catch (error) {
    // A retried put that had been applied fails its own condition: it is ours if the card is now what we wrote.
    const now = isConditionalCheckFailed(error) ? await readRateCard() : null
    if (!now || now.version !== version + 1 || JSON.stringify(now.rates) !== JSON.stringify(card)) {
      if (isConditionalCheckFailed(error)) throw new AppError('conflict:stale', 'Someone else changed the rate card since you loaded it. Reload to see their rates.')
      throw error
    }
  }
  const { changed } = roles.length
    ? await runAsJob('reprice-firm', 'rate-card', { roles: JSON.stringify(roles) }, (_job, context) =>
        repriceFirm(roles, {
          ...context,
          heartbeat: async (progress) => {
            options.onProgress?.(progress!)
            await context.heartbeat(progress)
          },
        }),
      )
    : { changed: 0 }
  return { ...toRateCardView((await readRateCard())!), repriced: changed }
}
