// npm run bench:staffing [-- --datasets demo,xl] [-- --runs 20]
// The write a user waits for: "staff a person", as the form's action runs it (`staffEmployee`), one
// at a time, on the benchmark's seeded data (.data/bench-<dataset>; `npm run bench -- --datasets xl
// --seed-only` seeds it). For each run, the requests the recorder saw before the call answered and
// after it (work the job goes on with once the form has its answer), their sequential depth (the
// longest chain of requests each sent after the one before had answered), and the time the caller
// waited. Each staffing is taken back afterwards (not measured), so every run starts from the same data.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { withRecording, type RecordedRequest } from '../lib/db/recorder'
import { benchActor as actor, largestClient, startEngineProcess } from './harness'

const { values } = parseArgs({ options: { datasets: { type: 'string', default: 'demo,xl' }, runs: { type: 'string', default: '20' } } })
const log = (message: string) => console.error(`[staffing] ${message}`)

/** The longest chain of requests in which each was sent after the previous one had answered. */
export function sequentialDepth(requests: Pick<RecordedRequest, 'startMs' | 'durationMs'>[]): number {
  const sorted = [...requests].sort((a, b) => a.startMs - b.startMs)
  const depth: number[] = []
  sorted.forEach((request, i) => {
    let before = 0
    for (let j = 0; j < i; j++) if (sorted[j].startMs + sorted[j].durationMs <= request.startMs) before = Math.max(before, depth[j])
    depth.push(before + 1)
  })
  return Math.max(0, ...depth)
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]

interface Row { dataset: string; runs: number; answered: number; depthAnswered: number; after: number; depthAfter: number; p50: number; p90: number }
const rows: Row[] = []

for (const dataset of (values.datasets as string).split(',')) {
  const engine = await startEngineProcess(path.resolve(`.data/bench-${dataset}`))
  process.env.DYNAMODB_ENDPOINT = engine.endpoint
  process.env.DYNAMODB_TABLE = 'roster'
  // Imported after the environment points at this engine.
  const { getClientDashboard } = await import('../lib/clients/queries')
  const { staffEmployee, unstaffEmployee } = await import('../lib/staffing/mutations')
  const largest = await largestClient()
  const dashboard = (await getClientDashboard(actor, { clientId: largest.id }))!
  const project = dashboard.projects.find((p) => p.assignments.length > 0)!
  const employeeId = project.assignments[0].employeeId
  log(`${dataset}: staffing ${employeeId} on ${project.id} of ${largest.id} (${largest.projectCount} projects), ${values.runs} times`)
  const answeredCounts: number[] = []
  const answeredDepths: number[] = []
  const afterCounts: number[] = []
  const afterDepths: number[] = []
  const waits: number[] = []
  for (let run = 0; run < Number(values.runs); run++) {
    // A fortnight of its own per run, far from the seed's bookings.
    const start = new Date(Date.UTC(2034, 0, 2 + run * 14)).toISOString().slice(0, 10)
    const end = new Date(Date.UTC(2034, 0, 2 + run * 14 + 4)).toISOString().slice(0, 10)
    let answeredAt = 0
    const started = performance.now()
    let assignmentId = ''
    const { recording } = await withRecording(async () => {
      assignmentId = (await staffEmployee(actor, { clientId: largest.id, projectId: project.id, employeeId, role: 'Reviewer', allocation: 10, startDate: start, endDate: end, status: 'confirmed' })).id
      answeredAt = performance.now()
    })
    waits.push(answeredAt - started)
    // Whatever the job goes on with after the answer shows up in the same recording; give it time to land.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const answeredBy = answeredAt - (recording.startedAt ?? started)
    const before = recording.requests.filter((request) => request.startMs + request.durationMs <= answeredBy + 0.5)
    const after = recording.requests.filter((request) => !before.includes(request))
    answeredCounts.push(before.length)
    answeredDepths.push(sequentialDepth(before))
    afterCounts.push(after.length)
    afterDepths.push(sequentialDepth(after))
    await unstaffEmployee(actor, { clientId: largest.id, projectId: project.id, assignmentId })
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  const sorted = [...waits].sort((a, b) => a - b)
  rows.push({
    dataset,
    runs: waits.length,
    answered: median(answeredCounts),
    depthAnswered: median(answeredDepths),
    after: median(afterCounts),
    depthAfter: median(afterDepths),
    p50: median(waits),
    p90: sorted[Math.floor(sorted.length * 0.9)],
  })
  await engine.close()
}

console.log('| data | runs | requests before the answer | sequential depth before the answer | requests after it (the job) | their depth | wait p50 ms @1 | wait p90 ms @1 |')
console.log('|---|---|---|---|---|---|---|---|')
for (const r of rows) console.log(`| ${r.dataset} | ${r.runs} | ${r.answered} | ${r.depthAnswered} | ${r.after} | ${r.depthAfter} | ${r.p50.toFixed(1)} | ${r.p90.toFixed(1)} |`)
process.exit(0)
