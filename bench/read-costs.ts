// What a screen reads, by DynamoDB's item-size rules (names plus values), on a fresh in-memory engine
// seeded at the size given (demo, large or xl): the overview, and planner pages with each key.
//   npm run bench:reads -- large
import { startEmbeddedEngine } from '../scripts/engine'
import { ensureTable } from '../lib/db'
import { loadDemoData } from '../lib/seed/load'
import { seedSizes } from '../lib/seed/demo-data'
import { withRecording } from '../lib/db/recorder'
import { listPlannerPeople } from '../lib/planner/queries'
import { getFirmOverview } from '../lib/overview/queries'
import { refreshOverview } from '../lib/upkeep/refresh-overview'
import { getCapacity } from '../lib/capacity/queries'
import { getRoleSuggestions } from '../lib/roles/queries'
import { getClientDashboard } from '../lib/clients/queries'
import { getUtilization } from '../lib/utilization/queries'
import { getFinance } from '../lib/finance/queries'
import { getProjectPage } from '../lib/projects/queries'
import { FinanceSetEntity } from '../lib/db/entities/digests'
import { financeDigests } from '../lib/db/overview-store'
import { readDigestSet } from '../lib/db/overview-store'
import { CapacitySetEntity } from '../lib/db/entities/digests'
import { capacityKeys, capacityParts } from '../lib/db/capacity-store'
import { expectedItemReadUnits, expectedReadUnits, itemSizeBytes } from './item-size'
import type { Actor } from '../lib/authorization'

const actor: Actor = { via: 'session', userId: 'bench', name: 'Bench', email: 'bench@roster.example', role: 'manager' }
const size = (process.argv[2] ?? 'demo') as keyof typeof seedSizes
const engine = await startEmbeddedEngine()
process.env.DYNAMODB_ENDPOINT = engine.endpoint
process.env.DYNAMODB_TABLE = `reads-${size}`
await ensureTable()
let started = Date.now()
const counts = await loadDemoData(seedSizes[size])
console.log(`${size}: seeded ${counts.employees} people in ${Math.round((Date.now() - started) / 1000)} s`)
started = Date.now()
await refreshOverview()
console.log(`${size}: overview digests computed in ${Math.round((Date.now() - started) / 1000)} s (the refresh after a seed)`)

// A seeded unfilled role (the one starting first) and the client with the most projects.
const capacity = await getCapacity(actor)
const firstRole = Object.values(capacity.roles).flatMap((listed) => listed.first).sort((a, b) => a.s.localeCompare(b.s))[0]
const screens: [string, () => Promise<unknown>][] = [
  ['overview (home)', () => getFirmOverview(actor)],
  ['capacity, all practices', () => getCapacity(actor)],
  ['unfilled role and its suggestions', () => getRoleSuggestions(actor, { clientId: firstRole.c, projectId: firstRole.j, roleId: firstRole.id })],
  ['client dashboard with an unfilled role', () => getClientDashboard(actor, { clientId: firstRole.c })],
  ['utilization, next quarter by month', () => getUtilization(actor, { period: 'next-quarter', grain: 'month' })],
  ['finance, next 12 months', () => getFinance(actor)],
  ['project page with its financials', () => getProjectPage(actor, { clientId: firstRole.c, projectId: firstRole.j })],
  ['planner, first page', () => listPlannerPeople(actor, {})],
  ['planner, practice Data', () => listPlannerPeople(actor, { practice: 'Data' })],
  ['planner, Berlin + Backend', () => listPlannerPeople(actor, { location: 'Berlin', practice: 'Backend' })],
  ['planner, TypeScript 3+, free 50% for 4 weeks', () => listPlannerPeople(actor, { technologyId: 'typescript', minLevel: 3, freeAtLeast: 50, freeWeeks: 4 })],
]
for (const [label, read] of screens) {
  const { recording } = await withRecording(read)
  const items = recording.requests.flatMap((request) => request.items)
  const bytes = items.reduce((sum, item) => sum + itemSizeBytes(item), 0)
  const units = recording.requests.reduce((sum, request) => sum + (request.operation === 'Query' ? expectedReadUnits(request.items) : expectedItemReadUnits(request.items)), 0)
  console.log(
    `${size} · ${label}: ${recording.requests.length} request (${recording.requests.map((r) => r.operation).join(', ')}), ${items.length} items, ` +
      `${(bytes / 1024).toFixed(1)} KB by DynamoDB's rules, ${units} read units expected (engine: ${recording.requests[0].consumedCapacity?.total ?? '–'})`,
  )
}

// What a write to the capacity digests costs: DynamoDB charges an UpdateItem by the size of the
// whole item, so a person's or role's capacity entry costs the size of its part's SET item.
const sets = (await Promise.all(capacityParts.map((part) => readDigestSet(CapacitySetEntity, capacityKeys.part(part))))).filter((set) => set !== null)
const setSizes = sets.map(itemSizeBytes).sort((a, b) => a - b)
console.log(
  `${size} · capacity SET items: ${sets.length}, ${(setSizes[0] / 1024).toFixed(1)}–${(setSizes.at(-1)! / 1024).toFixed(1)} KB by DynamoDB's rules ` +
    `(so ${Math.ceil(setSizes[0] / 1024)}–${Math.ceil(setSizes.at(-1)! / 1024)} write units per capacity update)`,
)
// The finance digest's SET items: a project's money entry costs the size of its shard's SET item.
const financeSets = (await Promise.all(financeDigests.map((digest) => readDigestSet(FinanceSetEntity, digest)))).filter((set) => set !== null)
const financeSizes = financeSets.map(itemSizeBytes).sort((a, b) => a - b)
console.log(
  `${size} · finance SET items: ${financeSets.length}, ${((financeSizes[0] ?? 0) / 1024).toFixed(1)}–${((financeSizes.at(-1) ?? 0) / 1024).toFixed(1)} KB by DynamoDB's rules ` +
    `(so ${Math.ceil((financeSizes[0] ?? 0) / 1024)}–${Math.ceil((financeSizes.at(-1) ?? 0) / 1024)} write units per project money update)`,
)
await engine.close()
