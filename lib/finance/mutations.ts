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

const staleCard = () => new AppError('conflict:stale', 'Someone else changed the rate card since you loaded it. Reload to see their rates.')

/** Puts the card at `version + 1` if it is still at `version`; a retried put that had been applied is recognised as ours. */
async function writeCard(card: RateCard, version: number): Promise<void> {
  try {
    await RateCardEntity.build(PutItemCommand)
      .item({ rates: card, version: version + 1 })
      .options({ condition: version === 0 ? { attr: 'PK', exists: false } : { attr: 'version', eq: version } })
      .send()
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error
    const now = await readRateCard()
    if (!now || now.version !== version + 1 || JSON.stringify(now.rates) !== JSON.stringify(card)) throw staleCard()
  }
}

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
  if ((current?.version ?? 0) !== version) throw staleCard()
  const card: RateCard = Object.fromEntries(rates.map((line) => [roleKey(line.role), { role: line.role.trim(), rate: line.rate }]))
  const roles = changedRoles(current?.rates ?? {}, card)
  // The job is recorded before the card is written: a save cut off after the write is finished by the
  // sweep (which reprices every assignment), and a save refused as busy writes nothing.
  const { changed } = await runAsJob('reprice-firm', 'rate-card', { roles: JSON.stringify(roles) }, async (_job, context) => {
    await writeCard(card, version)
    return roles.length
      ? repriceFirm(roles, {
          ...context,
          heartbeat: async (progress) => {
            options.onProgress?.(progress!)
            await context.heartbeat(progress)
          },
        })
      : { clients: 0, changed: 0 }
  })
  return { ...toRateCardView((await readRateCard())!), repriced: changed }
}
