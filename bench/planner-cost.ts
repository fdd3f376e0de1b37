// The planner's cost per page by DynamoDB's item-size rules, on a fresh in-memory engine seeded at
// the size given (demo, large or xl): npm run bench:planner -- large
import { startEmbeddedEngine } from '../scripts/engine'
import { ensureTable } from '../lib/db'
import { loadDemoData } from '../lib/seed/load'
import { seedSizes } from '../lib/seed/demo-data'
import { withRecording } from '../lib/db/recorder'
import { listPlannerPeople } from '../lib/planner/queries'
import { itemSizeBytes, expectedReadUnits } from './item-size'
import type { Actor } from '../lib/auth/roles'

const actor: Actor = { via: 'session', userId: 'bench', name: 'Bench', email: 'bench@roster.example', role: 'manager' }
{
  const size = (process.argv[2] ?? 'demo') as 'demo' | 'large' | 'xl'
  const engine = await startEmbeddedEngine()
  process.env.DYNAMODB_ENDPOINT = engine.endpoint
  process.env.DYNAMODB_TABLE = `planner-${size}`
  await ensureTable()
  const counts = await loadDemoData(seedSizes[size])
  for (const [label, input] of [
    ['first page', {}],
    ['practice Data', { practice: 'Data' }],
    ['location Berlin + Backend', { location: 'Berlin', practice: 'Backend' }],
    ['TypeScript 3+, free 50% for 4 weeks', { technologyId: 'typescript', minLevel: 3, freeAtLeast: 50, freeWeeks: 4 }],
  ] as const) {
    const { result, recording } = await withRecording(() => listPlannerPeople(actor, input))
    const items = recording.requests.flatMap((r) => r.items)
    const bytes = items.reduce((sum, item) => sum + itemSizeBytes(item), 0)
    console.log(`${size} (${counts.employees} people) · ${label}: ${recording.requests.length} request, ${items.length} items read, ${result.people.length} shown, ${(bytes / 1024).toFixed(1)} KB by DynamoDB's rules, ${expectedReadUnits(items)} read units (engine: ${recording.requests[0].consumedCapacity?.total ?? '–'}), ${recording.requests[0].durationMs.toFixed(1)} ms`)
  }
  await engine.close()
}
