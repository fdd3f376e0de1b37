// npm run bench [-- --duration 5] [-- --datasets demo,large,xl] [-- --seed-only]
// Builds, serves the production app on the embedded engine with each dataset, and measures every
// screen: DynamoDB requests, read units and items per page (recorded in-process with the same domain
// functions the pages call; requests also as AWS would page them, by DynamoDB's item-size rules and its
// 1 MB page cut), the HTML's size, the data call's own time in-process (engine versus rendering), and
// HTTP latency and throughput with autocannon at 1 and 16 connections.
// Also two reference points: a multi-table baseline for the dashboard, and the framework floors.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { buildIfStale } from '../scripts/build'
import { ensureTable } from '../lib/db/table'
import { withRecording, type RecordedRequest } from '../lib/db/recorder'
import { getClientDashboard, listClients } from '../lib/clients/queries'
import { getProjectPage } from '../lib/projects/queries'
import { getEmployeeStaffing, listEmployees } from '../lib/employees/queries'
import { getTechnologyPage, listTechnologies } from '../lib/technologies/queries'
import { getFirmOverview } from '../lib/overview/queries'
import { generateDemoData, seedSizes, type SeedSize } from '../lib/seed/demo-data'
import { loadDemoData, tableHasNoClients } from '../lib/seed/load'
import { keepOverviewCurrent } from '../job-registry'
import { getClientDashboardMultiTable, loadBaseline } from './baseline'
import { expectedItemReadUnits, expectedReadUnits, itemSizeBytes } from './item-size'
import { ensureDemoUsers } from '../lib/auth/demo-users'
import { listPlannerPeople } from '../lib/planner/queries'
import { getUtilization } from '../lib/utilization/queries'
import { getFinance } from '../lib/finance/queries'
import { getCapacity } from '../lib/capacity/queries'
import { allClients, benchActor, cpuMsOfTree, sessionCookie, startEngineProcess, startProductionServer, type Served } from './harness'

const { values } = parseArgs({ options: { duration: { type: 'string', default: '5' }, datasets: { type: 'string', default: 'demo,large' }, port: { type: 'string', default: '3200' }, 'seed-only': { type: 'boolean', default: false } } })
const duration = Number(values.duration)
type Dataset = 'demo' | 'large' | 'xl'
const datasets = (values.datasets as string).split(',') as Dataset[]
const port = Number(values.port)
const base = `http://127.0.0.1:${port}`
const log = (message: string) => console.log(`[bench] ${message}`)
// The demo seed's anchor is fixed so that every run measures the same data.
const seedOptions = { seed: 42, anchor: '2026-11-23' }

interface Screen {
  name: string
  path: string
  /** The domain call the page makes, for request/RCU/item counts; absent for the floors. */
  data?: () => Promise<unknown>
}

interface DataCost {
  requests: number
  /** The same reads as AWS would answer them: a Query or Scan returns at most 1 MB (names plus values) a page. */
  awsRequests: number
  bytes: number
  rcu: number
  expectedRcu: number
  items: number
  /** The data call alone, in-process, one at a time: the engine's share of a page's time. */
  dataP50: number
}
interface Load {
  p50: number
  p99: number
  rps: number
  errors: number
  /** The server's CPU time (user + system, all its processes) over the requests it served meanwhile. */
  cpuMsPerRequest: number
}
interface ScreenResult { screen: Screen; cost?: DataCost; htmlBytes: number; load: Record<number, Load> }

const MB = 1024 * 1024
const isPaged = (operation: string) => operation === 'Query' || operation === 'Scan'

async function measureCost(data: () => Promise<unknown>): Promise<DataCost> {
  const { recording } = await withRecording(data)
  const requests: RecordedRequest[] = recording.requests
  const bytesOf = (r: RecordedRequest) => r.items.reduce((sum, item) => sum + itemSizeBytes(item), 0)
  return {
    requests: requests.length,
    awsRequests: requests.reduce((sum, r) => sum + (isPaged(r.operation) ? Math.max(1, Math.ceil(bytesOf(r) / MB)) : 1), 0),
    bytes: requests.reduce((sum, r) => sum + bytesOf(r), 0),
    rcu: requests.reduce((sum, r) => sum + (r.consumedCapacity?.total ?? 0), 0),
    expectedRcu: requests.reduce((sum, r) => sum + (isPaged(r.operation) ? expectedReadUnits(r.items) : expectedItemReadUnits(r.items)), 0),
    items: requests.reduce((sum, r) => sum + r.itemCount, 0),
    dataP50: (await timeInProcess(data, 30, 1)).p50,
  }
}

process.env.ROSTER_DEMO = '1'
process.env.BETTER_AUTH_URL = base

async function measureLoad(url: string, connections: number, server: Served): Promise<Load> {
  const cookie = await sessionCookie(base)
  const cpuBefore = cpuMsOfTree(server.process.pid!)
  const result = await autocannon({ url, connections, duration, pipelining: 1, headers: { cookie } })
  const cpuMs = cpuMsOfTree(server.process.pid!) - cpuBefore
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.timeouts + result.non2xx, cpuMsPerRequest: cpuMs / Math.max(1, result.requests.total) }
}

async function screensFor(): Promise<{ screens: Screen[]; largestClientId: string; smallClientId: string }> {
  const clients = (await allClients()).filter((client) => client.projectCount > 0)
  const largest = clients.reduce((a, b) => (b.projectCount > a.projectCount ? b : a))
  const small = clients.reduce((a, b) => (b.projectCount < a.projectCount ? b : a))
  const largestDashboard = await getClientDashboard(benchActor, { clientId: largest.id })
  const project = largestDashboard!.projects[0]
  const employeeId = project.assignments[0]?.employeeId ?? 'e00000000001'
  const screens: Screen[] = [
    { name: `Dashboard, small client (${small.projectCount} projects)`, path: `/clients/${small.id}`, data: () => getClientDashboard(benchActor, { clientId: small.id }) },
    { name: `Dashboard, largest client (${largest.projectCount} projects)`, path: `/clients/${largest.id}`, data: () => getClientDashboard(benchActor, { clientId: largest.id }) },
    { name: 'Dashboard JSON, small client', path: `/api/clients/${small.id}`, data: () => getClientDashboard(benchActor, { clientId: small.id }) },
    { name: 'Dashboard JSON, largest client', path: `/api/clients/${largest.id}`, data: () => getClientDashboard(benchActor, { clientId: largest.id }) },
    { name: 'Project page', path: `/clients/${largest.id}/projects/${project.id}`, data: () => getProjectPage(benchActor, { clientId: largest.id, projectId: project.id }) },
    { name: 'Employee staffing view', path: `/employees/${employeeId}`, data: () => getEmployeeStaffing(benchActor, { employeeId }) },
    { name: 'Technology page (TypeScript)', path: '/technologies/typescript', data: () => getTechnologyPage(benchActor, { technologyId: 'typescript' }) },
    { name: 'Client list, first page', path: '/clients', data: () => listClients(benchActor, {}) },
    { name: 'Employee list, first page', path: '/employees', data: () => listEmployees(benchActor, {}) },
    { name: 'Technology list, first page', path: '/technologies', data: () => listTechnologies(benchActor, {}) },
    { name: 'Employee search "gr"', path: '/employees?q=gr', data: () => listEmployees(benchActor, { q: 'gr' }) },
    { name: 'Employee search API "gr"', path: '/api/employees?q=gr', data: () => listEmployees(benchActor, { q: 'gr' }) },
    { name: 'Firm overview (home)', path: '/', data: () => getFirmOverview(benchActor) },
    { name: 'Planner, first page', path: '/planner', data: () => listPlannerPeople(benchActor, {}) },
    { name: 'Planner, TypeScript 3+ free 50% for 4 weeks', path: '/planner?technologyId=typescript&minLevel=3&freeAtLeast=50&freeWeeks=4', data: () => listPlannerPeople(benchActor, { technologyId: 'typescript', minLevel: 3, freeAtLeast: 50, freeWeeks: 4 }) },
    { name: 'Planner JSON, first page', path: '/api/planner', data: () => listPlannerPeople(benchActor, {}) },
    { name: 'Capacity, all practices', path: '/capacity', data: () => getCapacity(benchActor) },
    { name: 'Capacity JSON', path: '/api/capacity', data: () => getCapacity(benchActor) },
    { name: 'Utilization, next quarter by month', path: '/utilization?period=next-quarter&grain=month', data: () => getUtilization(benchActor, { period: 'next-quarter', grain: 'month' }) },
    { name: 'Finance, next 12 months', path: '/finance', data: () => getFinance(benchActor) },
    { name: 'Floor: fixed JSON route', path: '/api/health' },
    { name: 'Floor: layout, no data', path: '/about' },
  ]
  return { screens, largestClientId: largest.id, smallClientId: small.id }
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function timeInProcess(fn: () => Promise<unknown>, runs: number, concurrency: number) {
  const times: number[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < runs) {
        const started = performance.now()
        await fn()
        times.push(performance.now() - started)
      }
    }),
  )
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p99: percentile(times, 99) }
}

async function runDataset(dataset: Dataset) {
  const dataDir = path.resolve(`.data/bench-${dataset}`)
  let engine = await startEngineProcess(dataDir)
  process.env.DYNAMODB_ENDPOINT = engine.endpoint
  process.env.DYNAMODB_TABLE = 'roster'
  try {
    await ensureTable()
  } catch (error) {
    // A table an older build made (its indexes differ): the bench's own data, so it is made again.
    log(`${(error as Error).message.split('.')[0]}: recreating ${path.relative(process.cwd(), dataDir)}`)
    await engine.close()
    rmSync(dataDir, { recursive: true, force: true })
    engine = await startEngineProcess(dataDir)
    process.env.DYNAMODB_ENDPOINT = engine.endpoint
    await ensureTable()
  }
  const size: SeedSize = seedSizes[dataset]
  if (await tableHasNoClients()) {
    log(`Seeding the ${dataset} dataset into ${path.relative(process.cwd(), dataDir)}…`)
    let last = -1
    await loadDemoData(size, { ...seedOptions, onProgress: (written, total) => {
      const percent = Math.floor((written / total) * 10) * 10
      if (percent > last) { last = percent; log(`  ${percent}% (${written}/${total} items)`) }
    } })
  }
  // The overview's digests, as `npm start` keeps them: filled after a seed, rolled to today.
  if (await keepOverviewCurrent({ log })) log('Overview digests computed')
  if (values['seed-only']) {
    await engine.close()
    return undefined
  }
  log(`Loading the multi-table baseline for ${dataset}…`)
  await loadBaseline(generateDemoData(size, seedOptions).items)

  const { screens, largestClientId, smallClientId } = await screensFor()
  const results: ScreenResult[] = []
  for (const screen of screens) results.push({ screen, cost: screen.data ? await measureCost(screen.data) : undefined, htmlBytes: 0, load: {} })

  await ensureDemoUsers()
  log(`Starting the production server on ${dataset}…`)
  const server = await startProductionServer({ port, endpoint: engine.endpoint })
  try {
    for (const result of results) {
      // Warms the route, and weighs what it sends.
      result.htmlBytes = (await (await fetch(`${base}${result.screen.path}`, { headers: { cookie: await sessionCookie(base) } })).arrayBuffer()).byteLength
      for (const connections of [1, 16]) {
        result.load[connections] = await measureLoad(`${base}${result.screen.path}`, connections, server)
        log(`${dataset} · ${result.screen.name} · ${connections} conn: p50 ${result.load[connections].p50} ms, ${Math.round(result.load[connections].rps)} req/s, ${fmt(result.load[connections].cpuMsPerRequest)} ms CPU/request`)
      }
    }
  } finally {
    await server.stop()
  }

  // Reference point (a): the dashboard from one table per entity, one request per relation.
  const baseline = {} as Record<'small' | 'largest', { requests: number; single: { p50: number; p99: number }; multi: { p50: number; p99: number }; singleRequests: number }>
  for (const [label, clientId] of [['small', smallClientId], ['largest', largestClientId]] as const) {
    const multiCost = await measureCost(() => getClientDashboardMultiTable(clientId))
    const singleCost = await measureCost(() => getClientDashboard(benchActor, { clientId }))
    baseline[label] = {
      requests: multiCost.requests,
      singleRequests: singleCost.requests,
      single: await timeInProcess(() => getClientDashboard(benchActor, { clientId }), 200, 16),
      // At xl the largest client's 700-odd requests per dashboard, 16 at a time, can outrun the engine's
      // connections; the run's other figures are kept and this one reads n/a.
      multi: await timeInProcess(() => getClientDashboardMultiTable(clientId), 200, 16).catch((error: Error) => {
        log(`multi-table baseline for the ${label} client not timed: ${error.message}`)
        return { p50: NaN, p99: NaN }
      }),
    }
  }
  await engine.close()
  return { dataset, size, results, baseline }
}

type DatasetRun = NonNullable<Awaited<ReturnType<typeof runDataset>>>

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a')

const isJson = (r: ScreenResult) => r.screen.path.startsWith('/api/')
const isFloor = (r: ScreenResult) => !r.screen.data

/** A screen's floor: the fixed-JSON route for JSON, the empty layout for pages. */
function floorOf(run: DatasetRun, r: ScreenResult): ScreenResult {
  return run.results.find((f) => isFloor(f) && isJson(f) === isJson(r))!
}

/** Issue 22's limits at 16 connections: the heavy pages within 3× the empty layout, the largest dashboard 5×, JSON 4×. */
function limitOf(r: ScreenResult): number | undefined {
  if (isFloor(r)) return undefined
  if (isJson(r)) return 4
  if (r.screen.name.startsWith('Dashboard, largest client')) return 5
  if (/^(Planner, first page|Capacity, all practices|Firm overview)/.test(r.screen.name)) return 3
  return undefined
}

function report(runs: DatasetRun[]): string {
  const lines: string[] = []
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  lines.push('# Benchmark results', '')
  lines.push(`- Date: ${new Date().toISOString()}`)
  lines.push(`- Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`)
  lines.push(`- Engine: dynalite (embedded, LevelDB on disk) in its own process; Next.js production server (\`next start\`) in another; autocannon and the in-process baseline timings in the benchmark process, ${duration} s per measurement. All on the same 2-core machine, so the figures include their contention.`)
  lines.push('- Per-page DynamoDB cost is recorded by the SDK middleware while calling the same domain function the page calls; requests "AWS" and KB read follow DynamoDB\'s item-size rules (names plus values, the 1 MB page cut); RCU expected is that arithmetic (eventually consistent, halved).')
  lines.push('- "× floor" is p50 at 16 connections over the floor\'s p50 at 16 connections in the same run: pages against the empty layout (`/about`), JSON against the fixed-JSON route (`/api/health`). "CPU ms/req" is the server\'s CPU time (user + system, from /proc) over the requests it served at 16 connections; the engine runs in its own process and is not in it.', '')
  for (const run of runs) {
    lines.push(`## Dataset: ${run.dataset}`, '')
    lines.push(`${Object.entries(run.size).map(([k, v]) => `${v} ${k}`).join(', ')} (seed 42, anchor ${seedOptions.anchor}).`, '')
    lines.push('| screen | path | requests: engine / AWS | KB read (DynamoDB rules) | RCU consumed / expected | items | HTML or JSON KB | data p50 ms in-process | p50 ms @1 | p99 ms @1 | p50 ms @16 | p99 ms @16 | req/s @16 | × floor @16 | CPU ms/req @16 | errors |')
    lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    for (const r of run.results) {
      const { screen, cost, load, htmlBytes } = r
      const ratio = load[16].p50 / floorOf(run, r).load[16].p50
      lines.push(
        `| ${screen.name} | \`${screen.path}\` | ${cost ? `${cost.requests} / ${cost.awsRequests}` : '0'} | ${cost ? fmt(cost.bytes / 1024) : '-'} | ${cost ? `${fmt(cost.rcu)} / ${fmt(cost.expectedRcu)}` : '-'} | ${cost ? cost.items : '-'} | ${fmt(htmlBytes / 1024)} | ${cost ? fmt(cost.dataP50) : '-'} | ${load[1].p50} | ${load[1].p99} | ${load[16].p50} | ${load[16].p99} | ${Math.round(load[16].rps)} | ${isFloor(r) ? 'floor' : `${fmt(ratio, 2)}×`} | ${fmt(load[16].cpuMsPerRequest)} | ${load[1].errors + load[16].errors} |`,
      )
    }
    lines.push('')
    lines.push('Multi-table baseline (one table per entity, one request per relation), dashboard data fetched in-process, 200 runs at 16 concurrent:', '')
    lines.push('| client | requests: single-table | requests: multi-table | fewer requests | p50 ms single | p50 ms multi | latency ratio (multi / single) |')
    lines.push('|---|---|---|---|---|---|---|')
    for (const [label, b] of Object.entries(run.baseline)) {
      lines.push(`| ${label} | ${b.singleRequests} | ${b.requests} | ${fmt(b.requests / b.singleRequests)}× | ${fmt(b.single.p50)} | ${fmt(b.multi.p50)} | ${fmt(b.multi.p50 / b.single.p50, 2)} |`)
    }
    lines.push('')
  }
  lines.push('## Targets (issue 22), computed from the figures above', '')
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')
  for (const run of runs) {
    const dataScreens = run.results.filter((r) => r.cost)
    const notOne = dataScreens.filter((r) => r.cost!.awsRequests !== 1)
    lines.push(`- ${run.dataset}: every screen exactly 1 DynamoDB request (AWS paging): ${verdict(notOne.length === 0)}${notOne.length ? ` (${notOne.map((r) => `${r.screen.name}: ${r.cost!.awsRequests}`).join('; ')})` : ''}`)
    const heavy = run.results.filter((r) => !isJson(r) && r.htmlBytes > 300 * 1024)
    lines.push(`- ${run.dataset}: every screen's HTML at most 300 KB: ${verdict(heavy.length === 0)}${heavy.length ? ` (${heavy.map((r) => `${r.screen.name}: ${fmt(r.htmlBytes / 1024)} KB`).join('; ')})` : ''}`)
    const rcuOff = dataScreens.filter((r) => Math.abs(r.cost!.rcu - r.cost!.expectedRcu) > 0.1 * r.cost!.expectedRcu)
    lines.push(`- ${run.dataset}: read units within 10% of the item-size arithmetic: ${verdict(rcuOff.length === 0)}${rcuOff.length ? ` (${rcuOff.map((r) => `${r.screen.name}: ${fmt(r.cost!.rcu)} vs ${fmt(r.cost!.expectedRcu)}`).join('; ')})` : ''}`)
    for (const r of run.results) {
      const limit = limitOf(r)
      if (limit === undefined) continue
      const floor = floorOf(run, r).load[16].p50
      const ratio = r.load[16].p50 / floor
      lines.push(`- ${run.dataset}: ${r.screen.name}, p50 at 16 connections ${r.load[16].p50} ms = ${fmt(ratio, 2)}× ${isJson(r) ? 'the fixed-JSON route' : 'the empty layout'} (${floor} ms), limit ${limit}×: ${verdict(ratio <= limit)}`)
    }
    for (const [label, b] of Object.entries(run.baseline)) {
      lines.push(`- ${run.dataset}, ${label} client: ${fmt(b.requests / b.singleRequests)}× fewer DynamoDB requests than the multi-table baseline (target ≥ 5×): ${verdict(b.requests / b.singleRequests >= 5)}; latency ratio ${fmt(b.multi.p50 / b.single.p50, 2)}`)
    }
  }
  const overview = (run: DatasetRun | undefined) => run?.results.find((r) => r.screen.name.startsWith('Firm overview'))?.cost
  const [largeOverview, xlOverview] = [overview(runs.find((r) => r.dataset === 'large')), overview(runs.find((r) => r.dataset === 'xl'))]
  if (largeOverview && xlOverview) {
    const ratio = xlOverview.bytes / largeOverview.bytes
    lines.push(`- The overview's read from large to xl: ${fmt(largeOverview.bytes / 1024)} KB → ${fmt(xlOverview.bytes / 1024)} KB (${fmt(ratio, 2)}×; target: constant, within 10%): ${verdict(ratio <= 1.1)}`)
  }
  return lines.join('\n')
}

const runs: DatasetRun[] = []
await buildIfStale(log)
for (const dataset of datasets) {
  const run = await runDataset(dataset)
  if (run) runs.push(run)
}
if (values['seed-only']) process.exit(0)
const resultsFile = path.resolve('bench/results.md')
// Hand-written analysis below the marker survives a re-run.
const marker = '<!-- analysis -->'
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : ''
const analysis = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`
const text = `${report(runs)}\n\n${analysis}`
writeFileSync(resultsFile, text)
console.log(`\n${report(runs)}\n\nWritten to ${path.relative(process.cwd(), resultsFile)}`)
process.exit(0)
