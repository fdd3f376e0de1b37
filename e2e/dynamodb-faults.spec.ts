import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { startEmbeddedEngine, type EmbeddedEngine } from '../scripts/engine'
import { startFaultProxy, troubledDay, type FaultProxy } from '../test/helpers/fault-proxy'
import { DEMO_PASSWORD } from '../lib/auth/demo-accounts'
import { callAction, serverActions } from './server-actions'
import { addDays, mondayOfThisWeek } from './helpers'

// `npm start` and the JSON API on a DynamoDB that misbehaves: a second Roster (its own server, on its
// own table) whose engine sits behind the fault proxy (test/helpers/fault-proxy.ts) at the rates of
// a bad day: 10% throttles, 5% 500s or dropped connections (half after the write was applied), stalls
// of 8 s and 30% of batches half unprocessed. Start-up (table, demo data, demo accounts) runs under
// them, then 150+ writes through the API and server actions, sent as a careful client does (a 503
// is sent again after Retry-After, a create with the same Idempotency-Key). Then the faults stop, the
// app's job sweep finishes what was left, and what callers were told is checked against the table:
// no acknowledged write lost, no refused write applied, every derived value equal to a recompute,
// and no answer a 5xx other than 503 with Retry-After.

const port = Number(process.env.E2E_FAULTS_PORT ?? 3150)
const baseURL = `http://localhost:${port}`
const table = `roster-faults-${Date.now().toString(36)}`

test.describe.configure({ mode: 'serial' })

let engine: EmbeddedEngine
let proxy: FaultProxy
let server: ChildProcess
let serverLog = ''
let api: APIRequestContext

/** Every answer of the run, for the 5xx check. */
const answers: { what: string; status: number; retryAfter?: string }[] = []

async function waitForServer(deadline: number) {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}:\n${serverLog.slice(-4000)}`)
    try {
      const response = await fetch(`${baseURL}/api/health`)
      if (response.ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`npm start did not serve within the time allowed:\n${serverLog.slice(-4000)}`)
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(360_000)
  engine = await startEmbeddedEngine()
  proxy = await startFaultProxy(engine.endpoint, { seed: Number(process.env.ROSTER_FAULT_SEED ?? 1905), rates: troubledDay })
  server = spawn(process.execPath, ['--import', './scripts/register.mjs', 'scripts/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DYNAMODB_ENDPOINT: proxy.endpoint,
      DYNAMODB_TABLE: table,
      ROSTER_DEMO: '1',
      BETTER_AUTH_SECRET: randomUUID() + randomUUID(),
      BETTER_AUTH_URL: baseURL,
      ROSTER_JOB_SWEEP_MS: '1000',
      // Long enough for a step that meets stalls; a lease that runs out hands the job to the sweep.
      ROSTER_JOB_LEASE_MS: '30000',
      // AWS's timeouts (the embedded engine's are longer): an 8 s stall is a timed-out attempt.
      ROSTER_DB_ATTEMPT_MS: '3000',
      ROSTER_DB_DEADLINE_MS: '10000',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.on('data', (chunk) => (serverLog += chunk))
  server.stderr!.on('data', (chunk) => (serverLog += chunk))
  await waitForServer(Date.now() + 300_000)
  api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } })
  const signedIn = await send('sign in', () => api.post('/api/auth/sign-in/email', { data: { email: 'manager@roster.example', password: DEMO_PASSWORD } }))
  expect(signedIn.status(), serverLog.slice(-2000)).toBe(200)
})

test.afterAll(async () => {
  // The server's log, for a failure's diagnosis.
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/dynamodb-faults-server.log', serverLog)
  await api?.dispose()
  server?.kill('SIGTERM')
  await new Promise((resolve) => (server?.exitCode !== null ? resolve(null) : server.once('exit', resolve)))
  await proxy?.close()
  await engine?.close()
})

/** Requests answered 503 before their final answer (their first attempt may have been applied). */
const sentAgain = new WeakSet<APIResponse>()

/**
 * Sends a request as a careful client: a 503 (the table busy) is sent again, the same request, after
 * a pause; anything else is the answer. Every answer is kept for the 5xx check.
 */
async function send(what: string, request: () => Promise<APIResponse>): Promise<APIResponse> {
  for (let attempt = 1; ; attempt++) {
    const response = await request()
    answers.push({ what, status: response.status(), retryAfter: response.headers()['retry-after'] })
    if (attempt > 1) sentAgain.add(response)
    if (response.status() !== 503 || attempt === 10) return response
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** A server action sent as a user clicks again after "The database is busy": the same input (and key). */
async function act(name: string, input: Record<string, unknown>) {
  for (let attempt = 1; ; attempt++) {
    const outcome = await callAction(api, actions.get(name)!, [{ status: 'idle' }, input])
    answers.push({ what: name, status: outcome.status })
    if (outcome.code !== 'unavailable:database' || attempt === 10) return { ...outcome, sentAgain: attempt > 1 }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

let actions: ReturnType<typeof serverActions>

interface Staffed {
  clientId: string
  projectId: string
  id: string
  allocation: number
  removed: boolean
}

test('150+ writes under throttles, 500s, resets, stalls and partial batches: nothing acknowledged lost, nothing refused applied', async () => {
  test.setTimeout(600_000)
  const clients = (await (await send('list clients', () => api.get('/api/clients'))).json()) as { items: { id: string; name: string }[] }
  expect(clients.items.length).toBeGreaterThan(3)
  const projects: { clientId: string; id: string }[] = []
  for (const client of clients.items.slice(0, 4)) {
    const dashboard = (await (await send('dashboard', () => api.get(`/api/clients/${client.id}`))).json()) as { projects: { id: string }[] }
    projects.push(...dashboard.projects.slice(0, 2).map((project) => ({ clientId: client.id, id: project.id })))
  }
  expect(projects.length).toBeGreaterThanOrEqual(4)
  const doomed = clients.items[4]
  actions = serverActions({ clientId: doomed.id, projectId: 'unknown', employeeId: 'unknown', technologyId: 'typescript' })
  const monday = mondayOfThisWeek()

  const acknowledged: { kind: string; id: string }[] = []
  const refused: { kind: string; status: number; id: string }[] = []
  const people: { id: string; name: string; version: number }[] = []
  const staffed: Staffed[] = []

  // Lanes of work run side by side; each lane's writes to one item follow one another.
  async function lane(n: number) {
    const key = randomUUID()
    const name = `Fault Lane ${n} ${key.slice(0, 6)}`
    const created = await send('create person', () =>
      api.post('/api/employees', {
        headers: { 'idempotency-key': key },
        data: { name, email: `fault.${key.slice(0, 12)}@roster.example`, title: 'Engineer', practice: 'Backend', location: 'Berlin' },
      }),
    )
    expect(created.status(), await created.text()).toBe(201)
    const person = (await created.json()) as { id: string; name: string; version: number }
    acknowledged.push({ kind: 'person', id: person.id })
    people.push(person)
    const mine: Staffed[] = []
    for (const i of [0, 1, 2]) {
      const project = projects[(n + i) % projects.length]
      const staffing = await send('staff', () =>
        api.post(`/api/clients/${project.clientId}/projects/${project.id}/staffing`, {
          headers: { 'idempotency-key': `${key}-${i}` },
          data: { employeeId: person.id, role: 'Developer', allocation: 20 + i * 10, startDate: addDays(monday, 7 * (i * 4)), endDate: addDays(monday, 7 * (i * 4 + 3)) },
        }),
      )
      if (staffing.status() === 201) {
        const assignment = (await staffing.json()) as { id: string; version: number; allocation: number }
        const entry = { clientId: project.clientId, projectId: project.id, id: assignment.id, allocation: assignment.allocation, removed: false }
        staffed.push(entry)
        mine.push(entry)
        acknowledged.push({ kind: 'staffing', id: assignment.id })
      } else refused.push({ kind: 'staffing', status: staffing.status(), id: `${key}-${i}` })
    }
    // Change the first assignment's allocation, against the version the API gave.
    const first = mine[0]
    if (first) {
      const page = (await (await send('project', () => api.get(`/api/clients/${first.clientId}/projects/${first.projectId}`))).json()) as { assignments: { id: string; version: number; role: string; startDate: string; endDate?: string; status: string }[] }
      const current = page.assignments.find((a) => a.id === first.id)!
      const changed = await send('change allocation', () =>
        api.patch(`/api/clients/${first.clientId}/projects/${first.projectId}/staffing/${first.id}`, {
          data: { version: current.version, role: current.role, allocation: 75, startDate: current.startDate, endDate: current.endDate, status: current.status },
        }),
      )
      // Sent again after a 503, a save whose first attempt was applied meets its own new version:
      // a careful client reloads and finds its change there.
      const appliedBefore =
        changed.status() === 409 && sentAgain.has(changed) &&
        ((await (await send('project', () => api.get(`/api/clients/${first.clientId}/projects/${first.projectId}`))).json()) as { assignments: { id: string; allocation: number }[] }).assignments.find((a) => a.id === first.id)?.allocation === 75
      if (changed.status() === 200 || appliedBefore) {
        first.allocation = 75
        acknowledged.push({ kind: 'allocation', id: first.id })
      } else refused.push({ kind: 'allocation', status: changed.status(), id: first.id })
    }
    // Take them off the last one.
    const last = mine[2]
    if (last && n % 2 === 0) {
      const removed = await send('unstaff', () => api.delete(`/api/clients/${last.clientId}/projects/${last.projectId}/staffing/${last.id}`))
      if (removed.status() === 200 || removed.status() === 204 || (removed.status() === 404 && sentAgain.has(removed))) {
        last.removed = true
        acknowledged.push({ kind: 'unstaff', id: last.id })
      } else refused.push({ kind: 'unstaff', status: removed.status(), id: last.id })
    }
    // Rename them (against the version they were created with).
    const renamed = await send('rename person', () =>
      api.patch(`/api/employees/${person.id}`, { data: { version: person.version, name: `${name} Renamed`, email: `fault.${key.slice(0, 12)}@roster.example`, title: 'Engineer', practice: 'Backend', location: 'Berlin' } }),
    )
    const renameAppliedBefore =
      renamed.status() === 409 && sentAgain.has(renamed) && ((await (await send('person', () => api.get(`/api/employees/${person.id}`))).json()) as { employee?: { name: string } }).employee?.name === `${name} Renamed`
    if (renamed.status() === 200 || renameAppliedBefore) {
      person.name = `${name} Renamed`
      acknowledged.push({ kind: 'rename', id: person.id })
    } else refused.push({ kind: 'rename', status: renamed.status(), id: person.id })
    // Time off and a skill, through the app's server actions.
    const timeOff = await act('addTimeOffAction', { employeeId: person.id, kind: 'vacation', startDate: addDays(monday, 14), endDate: addDays(monday, 18), note: '', idempotencyKey: `${key}-off` })
    if (timeOff.state === 'success') acknowledged.push({ kind: 'time off', id: person.id })
    else refused.push({ kind: 'time off', status: timeOff.status, id: `${timeOff.code}` })
    const skill = await act('setSkillAction', { employeeId: person.id, technologyId: 'typescript', level: '4' })
    if (skill.state === 'success') acknowledged.push({ kind: 'skill', id: person.id })
    else refused.push({ kind: 'skill', status: skill.status, id: `${skill.code}` })
  }

  const lanes = Array.from({ length: 24 }, (_, n) => n)
  for (let start = 0; start < lanes.length; start += 6) await Promise.all(lanes.slice(start, start + 6).map(lane))
  const deleted = await act('deleteClientAction', { clientId: doomed.id })
  // Sent again after "busy", a delete whose first attempt went through finds the client gone.
  expect(deleted.state === 'redirect' || (deleted.sentAgain && deleted.code === 'not_found:client'), deleted.text.slice(0, 500)).toBe(true)
  acknowledged.push({ kind: 'client delete', id: doomed.id })

  // The faults stop; the app's own sweep (every second here) finishes what was left.
  proxy.setRates(null)
  process.env.DYNAMODB_ENDPOINT = engine.endpoint
  process.env.DYNAMODB_TABLE = table
  const { listAllJobs } = await import('../lib/jobs/runner')
  const { auditDerivedData } = await import('../lib/upkeep/audit')
  const { scanAll } = await import('../lib/db/stored')
  await expect.poll(async () => (await listAllJobs()).length, { timeout: 120_000, intervals: [1000] }).toBe(0)
  await new Promise((resolve) => setTimeout(resolve, 500))

  const items = await scanAll()
  const assignments = new Map(items.filter((item) => item._type === 'Assignment').map((item) => [item.id as string, item]))
  const lost = staffed.filter((s) => !s.removed && !assignments.has(s.id)).map((s) => s.id)
  const wrongAllocation = staffed.filter((s) => !s.removed && assignments.has(s.id) && assignments.get(s.id)!.allocation !== s.allocation).map((s) => s.id)
  const notRemoved = staffed.filter((s) => s.removed && assignments.has(s.id)).map((s) => s.id)
  const employees = new Map(items.filter((item) => item._type === 'Employee').map((item) => [item.id as string, item]))
  const wrongNames = people.filter((p) => employees.get(p.id)?.name !== p.name).map((p) => `${p.id}: ${employees.get(p.id)?.name} ≠ ${p.name}`)
  const skillsMissing = acknowledged.filter((a) => a.kind === 'skill' && !items.some((item) => item._type === 'Skill' && item.employeeId === a.id)).map((a) => a.id)
  const timeOffMissing = acknowledged.filter((a) => a.kind === 'time off' && Object.keys((employees.get(a.id)?.timeOff as object | undefined) ?? {}).length !== 1).map((a) => a.id)
  const doomedLeft = items.filter((item) => item.PK === `CLIENT#${doomed.id}`).length
  const { problems } = await auditDerivedData()
  const serverErrors = answers.filter((answer) => answer.status >= 500 && !(answer.status === 503 && answer.retryAfter))
  console.log(
    `faults: ${JSON.stringify(proxy.counts)}; acknowledged writes: ${acknowledged.length} (${[...new Set(acknowledged.map((a) => a.kind))].map((kind) => `${kind} ${acknowledged.filter((a) => a.kind === kind).length}`).join(', ')}); refused: ${refused.length}; 503 answers: ${answers.filter((a) => a.status === 503).length}`,
  )
  expect(acknowledged.length).toBeGreaterThanOrEqual(150)
  expect({ lost, wrongAllocation, notRemoved, wrongNames, skillsMissing, timeOffMissing, doomedLeft, refused, serverErrors, problems }).toEqual({
    lost: [],
    wrongAllocation: [],
    notRemoved: [],
    wrongNames: [],
    skillsMissing: [],
    timeOffMissing: [],
    doomedLeft: 0,
    refused: [],
    serverErrors: [],
    problems: [],
  })
})

test('an API call the database cannot answer in time is a 503 with Retry-After, and answers again once it can', async () => {
  test.setTimeout(120_000)
  const { items } = (await (await send('list clients', () => api.get('/api/clients'))).json()) as { items: { id: string; name: string }[] }
  const client = items[0]
  // Every Query of this client's partition throttled, past the SDK's retries.
  proxy.script('Query', Array(1_000).fill('throttle'), `CLIENT#${client.id}`)
  const response = await api.get(`/api/clients/${client.id}`)
  expect(response.status()).toBe(503)
  expect(response.headers()['retry-after']).toBe('2')
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable:database')
  proxy.setRates(null)
  const again = await api.get(`/api/clients/${client.id}`)
  expect(again.status()).toBe(200)
  expect(((await again.json()) as { client: { name: string } }).client.name).toBe(client.name)
})
