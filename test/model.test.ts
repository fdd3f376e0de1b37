import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { useTestDatabase } from './helpers/database'
import { installCrashes, type Crash } from './helpers/faults'
import { installIndexLag, type IndexLag } from './helpers/lagging-index'
import { runModelSteps, step } from './helpers/model'

// Model-based: random sequences of creates, edits, staffing, skill and stack changes, renames and
// deletes over a small firm, each possibly cut off by a crash after a random number of writes, all
// under a lagging index. Then the job sweep resumes what the crashes left. At the end every derived
// value equals a from-scratch recompute, nothing is orphaned in the table or an index, and no job
// is left.

const LAG_MS = 150
process.env.ROSTER_INDEX_SETTLE_MS = String(LAG_MS + 30)
useTestDatabase()

describe('random work with crashes under a lagging index', () => {
  let lag: IndexLag
  let crash: Crash
  const logError = console.error
  before(() => {
    lag = installIndexLag(LAG_MS)
    crash = installCrashes()
    // Each simulated crash is logged by the data layer as a failed request; keep the output readable.
    console.error = () => undefined
  })
  after(() => {
    console.error = logError
    crash.uninstall()
    lag.uninstall()
  })

  it('converges: derived values equal a recompute, no orphans, no jobs left', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), (steps) => runModelSteps(steps, { crash, lag })),
      { numRuns: 25, seed: Number(process.env.ROSTER_PROPERTY_SEED ?? 20261126), endOnFailure: true },
    )
  })
})
