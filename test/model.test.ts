import { describe, it } from 'node:test'
import fc from 'fast-check'
import { useTestDatabase } from './helpers/database'
import { runModelSteps, step, useModelHarness } from './helpers/model'

// Model-based: random sequences of creates, edits, staffing, skill and stack changes, renames and
// deletes over a small firm, each possibly cut off by a crash after a random number of writes, all
// under a lagging index. Then the job sweep resumes what the crashes left. At the end every derived
// value equals a from-scratch recompute, nothing is orphaned in the table or an index, and no job
// is left.

const LAG_MS = 150
process.env.ROSTER_INDEX_SETTLE_MS = String(LAG_MS + 30)
useTestDatabase()

describe('random work with crashes under a lagging index', () => {
  const harness = useModelHarness(LAG_MS)

  it('converges: derived values equal a recompute, no orphans, no jobs left', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), (steps) => runModelSteps(steps, harness)),
      { numRuns: 25, seed: Number(process.env.ROSTER_PROPERTY_SEED ?? 20261126), endOnFailure: true },
    )
  })
})
