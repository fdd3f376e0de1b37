import { after, describe, it } from 'node:test'
import fc from 'fast-check'
import { useFaultyTestDatabase } from './helpers/database'
import { troubledDay } from './helpers/fault-proxy'
import { runModelSteps, step, useModelHarness } from './helpers/model'

// The model-based test again, with DynamoDB misbehaving under it as well: 10% throttles, 5% 500s or
// dropped connections (half of them after the write was applied), stalls past the client's
// per-attempt timeout and 30% of batches half unprocessed, on top of crashes and a lagging index.
// After the faults stop and the sweep runs: no acknowledged write lost, no refused write applied,
// every derived value equal to a recompute.

const LAG_MS = 150
process.env.ROSTER_INDEX_SETTLE_MS = String(LAG_MS + 30)
// A stall outlasts an attempt (the engine has applied the write; the client retries it).
process.env.ROSTER_DB_ATTEMPT_MS = '400'
const database = useFaultyTestDatabase(Number(process.env.ROSTER_FAULT_SEED ?? 19))
const rates = { ...troubledDay, stall: 0.01, stallMs: 700, ...JSON.parse(process.env.ROSTER_FAULT_RATES ?? '{}') }

describe('random work with crashes under a lagging index and a misbehaving DynamoDB', () => {
  const harness = useModelHarness(LAG_MS, { snapshotEndpoint: () => database.engineEndpoint })
  after(() => console.log(`faults injected: ${JSON.stringify(database.proxy.counts)}`))

  it('loses no acknowledged write, applies no refused one, and converges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), (steps) => runModelSteps(steps, { ...harness, proxy: database.proxy, rates })),
      { numRuns: Number(process.env.ROSTER_PROPERTY_RUNS ?? 25), seed: Number(process.env.ROSTER_PROPERTY_SEED ?? 20261205), endOnFailure: true },
    )
  })
})
