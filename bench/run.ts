// npm run bench [-- --duration 5] [-- --datasets demo,large,xl]
// Builds, serves the production app on the embedded engine with each dataset, and measures every
// screen: DynamoDB requests, read units and items per page (recorded in-process with the same domain
// functions the pages call; requests also as AWS would page them, by DynamoDB's item-size rules and its
// 1 MB page cut), the HTML's size, the data call's own time in-process (engine versus rendering), and
// HTTP latency and throughput with autocannon at 1 and 16 connections.
// Also two reference points: a multi-table baseline for the dashboard, and the framework floors.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { buildIfStale, nextBin } from '../scripts/build'
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
import type { Actor } from '../lib/authorization'
import { ensureDemoUsers } from '../lib/auth/demo-users'
import { DEMO_PASSWORD } from '../lib/auth/demo-accounts'
import { listPlannerPeople } from '../lib/planner/queries'
// The benchmark acts as a manager (lib/authorization.ts).
const benchActor: Actor = { via: 'session', userId: 'bench', name: 'Benchmark', email: 'bench@roster.example', role: 'manager' }

const { values } = parseArgs({ options: { duration: { type: 'string', default: '5' }, datasets: { type: 'string', default: 'demo,large' }, port: { type: 'string', default: '3200' } } })
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
interface Load { p50: number; p99: number; rps: number; errors: number }
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

// Screens are measured as the demo manager. A fresh session before each measurement keeps better-auth's
// signed session copy (60 s) valid throughout, so no measured request reads the session from the table,
// as in a browser that stores the refreshed cookie.
process.env.ROSTER_DEMO = '1'
process.env.BETTER_AUTH_URL = base

async function sessionCookie(): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: 'manager@roster.example', password: DEMO_PASSWORD }),
  })
  if (!response.ok) throw new Error(`signing in for the benchmark failed (${response.status})`)
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ')
}

async function measureLoad(url: string, connections: number): Promise<Load> {
  const result = await autocannon({ url, connections, duration, pipelining: 1, headers: { cookie: await sessionCookie() } })
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.timeouts + result.non2xx }
}

/** The engine in a child process, as `npm start` runs it beside Next.js rather than inside it. */
async function startEngineProcess(dataDir: string): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', './scripts/register.mjs', 'scripts/engine-serve.ts', '--path', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
  // A benchmark that fails must not leave its engine holding the data directory's lock.
  process.once('exit', () => child.kill('SIGTERM'))
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the engine exited (${code})`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /endpoint (\S+)/.exec(chunk.toString())
      if (match) resolve(match[1])
    })
  })
  return {
    endpoint,
    close: () => new Promise<void>((resolve) => {
      child.removeAllListeners('exit')
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('the app did not start')
}

async function allClients() {
  const clients = []
  let cursor: string | undefined
  do {
    const page = await listClients(benchActor, { limit: 100, cursor })
    clients.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return clients
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
  log(`Loading the multi-table baseline for ${dataset}…`)
  await loadBaseline(generateDemoData(size, seedOptions).items)

  const { screens, largestClientId, smallClientId } = await screensFor()
  const results: ScreenResult[] = []
  for (const screen of screens) results.push({ screen, cost: screen.data ? await measureCost(screen.data) : undefined, htmlBytes: 0, load: {} })

  await ensureDemoUsers()
  log(`Starting the production server on ${dataset}…`)
  const server: ChildProcess = spawn(nextBin, ['start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, DYNAMODB_ENDPOINT: engine.endpoint, DYNAMODB_TABLE: 'roster', NODE_ENV: 'production', ROSTER_DEMO: '1', BETTER_AUTH_URL: base },
    stdio: 'ignore',
  })
  try {
    await waitForServer()
    for (const result of results) {
      // Warms the route, and weighs what it sends.
      result.htmlBytes = (await (await fetch(`${base}${result.screen.path}`, { headers: { cookie: await sessionCookie() } })).arrayBuffer()).byteLength
      for (const connections of [1, 16]) {
        result.load[connections] = await measureLoad(`${base}${result.screen.path}`, connections)
        log(`${dataset} · ${result.screen.name} · ${connections} conn: p50 ${result.load[connections].p50} ms, ${Math.round(result.load[connections].rps)} req/s`)
      }
    }
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
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
      multi: await timeInProcess(() => getClientDashboardMultiTable(clientId), 200, 16),
    }
  }
  await engine.close()
  return { dataset, size, results, baseline }
}

type DatasetRun = Awaited<ReturnType<typeof runDataset>>

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a')

function report(runs: DatasetRun[]): string {
  const lines: string[] = []
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  lines.push('# Benchmark results', '')
  lines.push(`- Date: ${new Date().toISOString()}`)
  lines.push(`- Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`)
  lines.push(`- Engine: dynalite (embedded, LevelDB on disk) in its own process; Next.js production server (\`next start\`) in another; autocannon and the in-process baseline timings in the benchmark process, ${duration} s per measurement. All on the same 2-core machine, so the figures include their contention.`)
  lines.push('- Per-page DynamoDB cost is recorded by the SDK middleware while calling the same domain function the page calls; RCU "expected" is the item-bytes / 4 KB arithmetic (eventually consistent, halved).', '')
  for (const run of runs) {
    lines.push(`## Dataset: ${run.dataset}`, '')
    lines.push(`${Object.entries(run.size).map(([k, v]) => `${v} ${k}`).join(', ')} (seed 42, anchor ${seedOptions.anchor}).`, '')
    lines.push('| screen | path | requests: engine / AWS | KB read (DynamoDB rules) | RCU consumed | RCU expected | items | HTML KB | data p50 ms in-process | p50 ms @1 | p99 ms @1 | req/s @1 | p50 ms @16 | p99 ms @16 | req/s @16 | errors |')
    lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    for (const { screen, cost, load, htmlBytes } of run.results) {
      lines.push(
        `| ${screen.name} | \`${screen.path}\` | ${cost ? `${cost.requests} / ${cost.awsRequests}` : '0'} | ${cost ? fmt(cost.bytes / 1024) : '-'} | ${cost ? fmt(cost.rcu) : '-'} | ${cost ? fmt(cost.expectedRcu) : '-'} | ${cost ? cost.items : '-'} | ${fmt(htmlBytes / 1024)} | ${cost ? fmt(cost.dataP50) : '-'} | ${load[1].p50} | ${load[1].p99} | ${Math.round(load[1].rps)} | ${load[16].p50} | ${load[16].p99} | ${Math.round(load[16].rps)} | ${load[1].errors + load[16].errors} |`,
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
  lines.push('## Targets (issue 11), computed from the figures above', '')
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')
  const isJson = (r: ScreenResult) => r.screen.path.startsWith('/api/')
  const isLargest = (r: ScreenResult) => r.screen.name.includes('largest client')
  for (const run of runs) {
    const find = (prefix: string) => run.results.find((r) => r.screen.name.startsWith(prefix))!
    const dataScreens = run.results.filter((r) => r.cost)
    const notOne = dataScreens.filter((r) => r.cost!.awsRequests !== 1)
    lines.push(`- ${run.dataset}: every screen exactly 1 AWS-equivalent request: ${verdict(notOne.length === 0)}${notOne.length ? ` (${notOne.map((r) => `${r.screen.name}: ${r.cost!.awsRequests}`).join('; ')})` : ''}`)
    const heavy = run.results.filter((r) => r.htmlBytes > 300 * 1024)
    lines.push(`- ${run.dataset}: every screen's HTML at most 300 KB: ${verdict(heavy.length === 0)}${heavy.length ? ` (${heavy.map((r) => `${r.screen.name}: ${fmt(r.htmlBytes / 1024)} KB`).join('; ')})` : ''}`)
    const rcuOff = dataScreens.filter((r) => Math.abs(r.cost!.rcu - r.cost!.expectedRcu) > 0.1 * r.cost!.expectedRcu)
    lines.push(`- ${run.dataset}: read units within 10% of the item-size arithmetic (the engine counts names as 1 byte): ${verdict(rcuOff.length === 0)}${rcuOff.length ? ` (${rcuOff.map((r) => `${r.screen.name}: ${fmt(r.cost!.rcu)} vs ${fmt(r.cost!.expectedRcu)}`).join('; ')})` : ''}`)
    const floorJson = find('Floor: fixed JSON').load[16].p50
    const floorPage = find('Floor: layout').load[16].p50
    const latency = dataScreens.map((r) => {
      const floor = isJson(r) ? floorJson : floorPage
      const limit = isLargest(r) ? 5 : 2
      const ratio = r.load[16].p50 / floor
      return { r, ratio, limit, ok: ratio <= limit }
    })
    const slow = latency.filter((entry) => !entry.ok)
    lines.push(
      `- ${run.dataset}: p50 at 16 connections within 2× its floor (5× for the largest client's dashboard; pages against the empty layout at ${floorPage} ms, JSON against the fixed route at ${floorJson} ms): ${verdict(slow.length === 0)}` +
        (slow.length ? ` (${slow.map(({ r, ratio, limit }) => `${r.screen.name}: ${fmt(ratio, 2)}× of ${limit}×, of which the data call is ${fmt(r.cost!.dataP50)} ms in-process`).join('; ')})` : ''),
    )
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
  const demo = runs.find((r) => r.dataset === 'demo')
  for (const bigger of runs.filter((r) => r.dataset !== 'demo')) {
    if (!demo) break
    const target = 1.2
    lines.push('', `${bigger.dataset} vs demo dataset, p50 at 16 connections (target ≤ ${target}× for screens whose own collection does not grow; those whose does are marked):`, '')
    lines.push(`| screen | demo p50 ms | ${bigger.dataset} p50 ms | ratio | items demo → ${bigger.dataset} | verdict |`)
    lines.push('|---|---|---|---|---|---|')
    for (const result of bigger.results) {
      const key = result.screen.name.replace(/\(.*\)/, '').trim()
      const match = demo.results.find((r) => r.screen.name.replace(/\(.*\)/, '').trim() === key)
      if (!match) continue
      const ratio = result.load[16].p50 / match.load[16].p50
      const itemsGrew = (result.cost?.items ?? 0) > (match.cost?.items ?? 0) * 1.2
      lines.push(`| ${result.screen.name} | ${match.load[16].p50} | ${result.load[16].p50} | ${fmt(ratio, 2)} | ${match.cost?.items ?? '-'} → ${result.cost?.items ?? '-'} | ${ratio <= target ? 'met' : itemsGrew ? 'own collection grew' : '**missed**'} |`)
    }
  }
  return lines.join('\n')
}

const runs: DatasetRun[] = []
buildIfStale(log)
for (const dataset of datasets) runs.push(await runDataset(dataset))
const resultsFile = path.resolve('bench/results.md')
// Hand-written analysis below the marker survives a re-run.
const marker = '<!-- analysis -->'
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : ''
const analysis = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`
const text = `${report(runs)}\n\n${analysis}`
writeFileSync(resultsFile, text)
console.log(`\n${report(runs)}\n\nWritten to ${path.relative(process.cwd(), resultsFile)}`)
process.exit(0)
