import { readDbConfig } from '../db/config'

/**
 * How long a global secondary index may lag the table. Sweeps that must also look through an index
 * wait this long after their marking before the pass whose emptiness ends them. DynamoDB documents
 * no bound ("typically under a second"); 3 s on AWS. The embedded engine updates its indexes in the
 * same call, so 0 there. ROSTER_INDEX_SETTLE_MS overrides both (the lagging-index tests set it).
 */
export function indexSettleMs(env: NodeJS.ProcessEnv = process.env): number {
  if (env.ROSTER_INDEX_SETTLE_MS) return Number(env.ROSTER_INDEX_SETTLE_MS)
  return readDbConfig(env).endpoint ? 0 : 3000
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}
