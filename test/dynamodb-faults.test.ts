import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { useFaultyTestDatabase } from './helpers/database'
import { troubledDay } from './helpers/fault-proxy'
import { aClient, aProject, anEmployee } from './helpers/fixtures'
import { manager } from './helpers/actors'
import { getDb } from '../lib/db/client'
import { batchGetItems, batchPutItems } from '../lib/db/batch'
import { auditDerivedData } from '../lib/upkeep/audit'
import { scanAll } from '../lib/db/stored'
import { createClient, updateClient } from '../lib/clients/mutations'
import { getClientDashboard } from '../lib/clients/queries'
import { listAllJobs } from '../lib/jobs/runner'
import { sweepJobs } from '../job-registry'
import { respond } from '../lib/http/respond'
import { toActionError } from '../lib/action-state'
import { staffEmployee } from '../lib/staffing/mutations'
import { loadDemoData } from '../lib/seed/load'
import { refreshOverview } from '../lib/upkeep/refresh-overview'
import { seedSizes } from '../lib/seed/demo-data'
import { ensureDemoUsers } from '../lib/auth/demo-users'
import { demoAccounts } from '../lib/auth/demo-accounts'
import { isUnavailable } from '../lib/errors'
import { untilAvailable } from '../scripts/until-available'

// Each kind of trouble DynamoDB documents, aimed at one write or read through the fault proxy
// (test/helpers/fault-proxy.ts), and what the caller must see: a write applied by an attempt whose
// answer was lost is a success, never a conflict and never applied twice; a partial batch is
// finished; a throttle that outlasts the retries is a 503 with Retry-After, never a 500.

// Short per-attempt timeout and deadline so that a stall is a timeout here.
process.env.ROSTER_DB_ATTEMPT_MS = '1500'
process.env.ROSTER_DB_DEADLINE_MS = '5000'
process.env.BETTER_AUTH_SECRET ??= 'a-test-secret-that-is-long-enough-for-better-auth'
const database = useFaultyTestDatabase(7)
const logError = console.error

const rawItem = async (PK: string, SK: string) => {
  const { documentClient, config } = getDb()
  return (await documentClient.send(new GetCommand({ TableName: config.tableName, Key: { PK, SK }, ConsistentRead: true }))).Item
}

describe('when DynamoDB fails', () => {
  before(() => {
    console.error = process.env.ROSTER_TEST_LOG ? logError : () => undefined
  })
  after(() => {
    console.error = logError
  })
  beforeEach(() => database.proxy.setRates(null))

  it('a create applied by an attempt whose answer was lost (500 or reset) answers as created, once', async () => {
    database.proxy.script('PutItem', ['error-after'])
    const first = await createClient(manager, { name: 'Applied Then Failed', industry: 'Retail', contactEmail: 'a@b.example', status: 'active' })
    database.proxy.script('PutItem', ['reset-after'])
    const second = await createClient(manager, { name: 'Applied Then Reset', industry: 'Retail', contactEmail: 'a@b.example', status: 'active' })
    assert.equal((await getClientDashboard(manager, { clientId: first.id }))?.client.name, 'Applied Then Failed')
    assert.equal((await getClientDashboard(manager, { clientId: second.id }))?.client.name, 'Applied Then Reset')
  })

  it('a rename applied and then retried is saved, not refused as "changed by someone else"', async () => {
    const client = await aClient()
    database.proxy.script('UpdateItem', ['error-after'])
    const renamed = await updateClient(manager, { clientId: client.id, version: client.version, name: 'Renamed Once', industry: 'Retail', contactEmail: 'cto@client.example' })
    assert.equal(renamed.name, 'Renamed Once')
    const stored = await rawItem(`CLIENT#${client.id}`, 'CLIENT')
    assert.equal(stored?.name, 'Renamed Once')
    // Applied once: the version moved by one, not two.
    assert.equal(stored?.version, client.version + 1)
  })

  it('a retried update of an aggregate is applied once (its revision moves by one)', async () => {
    const person = await anEmployee()
    const client = await aClient()
    const project = await aProject(client.id)
    const before = await rawItem(`EMP#${person.id}`, 'EMP')
    // The first UpdateItem of the staffing's sync is applied, its answer lost; the SDK sends it again.
    database.proxy.script('UpdateItem', ['error-after', 'reset-after'])
    await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 50, startDate: '2027-01-04', endDate: '2027-02-01' })
    const after = await rawItem(`EMP#${person.id}`, 'EMP')
    assert.equal(Object.keys(after?.bookings as object).length, 1)
    assert.equal((after?.aggRev as number) - ((before?.aggRev as number | undefined) ?? 0), 1)
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('a job whose claim was applied and then retried runs, instead of answering "someone else is changing this"', async () => {
    const person = await anEmployee()
    const client = await aClient()
    const project = await aProject(client.id)
    database.proxy.script('UpdateItem', ['reset-after'])
    const assignment = await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 50, startDate: '2027-01-04' })
    assert.equal(assignment.employeeId, person.id)
    assert.deepEqual(await listAllJobs(), [])
  })

  it('a step that fails for a throttle leaves its job for the sweep, which finishes it', async () => {
    const person = await anEmployee()
    const client = await aClient()
    const project = await aProject(client.id)
    // The job is recorded (its claim is an UpdateItem) and the assignment written; every attempt of
    // the sync's next writes is throttled, past the SDK's retries.
    database.proxy.script('UpdateItem', ['forwarded', ...Array(12).fill('throttle')])
    await assert.rejects(
      staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 40, startDate: '2027-03-01' }),
      (error: unknown) => (error as { code?: string }).code === 'unavailable:database',
    )
    database.proxy.script('UpdateItem', [])
    assert.equal((await listAllJobs()).filter((job) => job.kind === 'sync-assignment').length, 1, 'the job stays')
    await sweepJobs({ now: Date.now() + 3_600_000, log: () => undefined })
    assert.deepEqual(await listAllJobs(), [])
    assert.deepEqual((await auditDerivedData()).problems, [])
    const stored = await rawItem(`EMP#${person.id}`, 'EMP')
    assert.equal(Object.keys(stored?.bookings as object).length, 1, 'the booking reached the person')
  })

  it('a batch answered half unprocessed every time is finished: every item written, every key read', async () => {
    database.proxy.setRates({ ...troubledDay, throttle: 0, serverError: 0, reset: 0, stall: 0, partialBatch: 1 })
    const items = Array.from({ length: 60 }, (_, i) => ({ PK: `BATCHTEST#${i}`, SK: 'ITEM', _type: 'BatchTest', n: i }))
    await batchPutItems(items)
    const read = await batchGetItems(items.map(({ PK, SK }) => ({ PK, SK })))
    assert.equal(read.length, 60)
    assert.deepEqual(read.map((item) => item.n).sort((a, b) => (a as number) - (b as number)), items.map((item) => item.n))
    assert.ok(database.proxy.counts['partial-batch'] >= 6)
  })

  it('a throttle that outlasts the retries is a 503 with Retry-After for the API and the busy message for a form, never a 500', async () => {
    const client = await aClient()
    database.proxy.script('Query', Array(12).fill('throttle'))
    const response = await respond(() => getClientDashboard(manager, { clientId: client.id }))
    database.proxy.script('Query', [])
    assert.equal(response.status, 503)
    assert.equal(response.headers.get('retry-after'), '2')
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'unavailable:database')
    database.proxy.script('UpdateItem', Array(12).fill('throttle'))
    let state: ReturnType<typeof toActionError> | undefined
    try {
      await updateClient(manager, { clientId: client.id, version: client.version, name: 'Throttled', industry: 'Retail', contactEmail: 'cto@client.example' })
    } catch (error) {
      state = toActionError(error)
    }
    database.proxy.script('UpdateItem', [])
    assert.equal(state?.status, 'error')
    assert.equal(state?.status === 'error' && state.code, 'unavailable:database')
    assert.match(String(state?.status === 'error' && state.message), /database is busy/i)
  })

  it('a stalled answer is given up on after the per-attempt timeout and the write is recognised as applied', async () => {
    const client = await aClient()
    database.proxy.script('UpdateItem', ['stall'])
    const started = Date.now()
    const renamed = await updateClient(manager, { clientId: client.id, version: client.version, name: 'After A Stall', industry: 'Retail', contactEmail: 'cto@client.example' })
    assert.equal(renamed.name, 'After A Stall')
    assert.ok(Date.now() - started < 5_000, 'within the deadline, not the 8 s stall')
  })

  it('a table that never answers fails within the deadline as unavailable', async () => {
    const client = await aClient()
    database.proxy.script('Query', Array(30).fill('stall'))
    const started = Date.now()
    const response = await respond(() => getClientDashboard(manager, { clientId: client.id }))
    database.proxy.script('Query', [])
    assert.equal(response.status, 503)
    assert.ok(Date.now() - started < 7_000, `gave up after ${Date.now() - started} ms`)
  })

  it('the demo accounts are created under faults, each once and with its password', async () => {
    database.proxy.setRates({ ...troubledDay, stall: 0, serverError: 0.1, reset: 0.1, afterApply: 0.8 })
    let created = 0
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        created += await ensureDemoUsers()
        break
      } catch (error) {
        // What start-up does: a step that met DynamoDB unavailable runs again.
        if (!isUnavailable(error)) throw error
      }
    }
    database.proxy.setRates(null)
    assert.equal(created, demoAccounts.length)
    assert.equal(await ensureDemoUsers(), 0)
    const users = (await scanAll()).filter((item) => item._type === 'AuthRecord' && String(item.PK).startsWith('AUTH#user#'))
    assert.equal(users.length, demoAccounts.length)
  })

  it('the seed under faults gives the same digests as without', async () => {
    const digestsOf = async () =>
      Object.fromEntries(
        (await scanAll())
          .filter((item) => /^(OVERVIEW|CAPACITY)#/.test(String(item.PK)) && item.SK !== 'STATE')
          // Revisions count writes, which retries and races may add; the figures must agree.
          .map(({ rev: _rev, parts: _parts, _wt, createdAt: _c, updatedAt: _u, ...item }) => [`${item.PK}|${item.SK}`, item]),
      )
    const size = { ...seedSizes.demo, clients: 8, projects: 20, employees: 60, assignments: 120, skills: 120, technologies: 20 }
    const anchor = '2026-11-23'
    const today = '2026-12-02'
    const tableA = process.env.DYNAMODB_TABLE!
    const { ensureTable } = await import('../lib/db/table')
    process.env.DYNAMODB_TABLE = `${tableA}-calm`
    await ensureTable()
    await loadDemoData(size, { seed: 5, anchor })
    await refreshOverview({ today })
    const calm = await digestsOf()
    process.env.DYNAMODB_TABLE = `${tableA}-troubled`
    await ensureTable()
    database.proxy.setRates({ ...troubledDay, stall: 0 })
    // As db:seed does: a step that met the table unavailable past the SDK's retries runs again.
    await untilAvailable('load', () => loadDemoData(size, { seed: 5, anchor }), () => undefined)
    await untilAvailable('overview', () => refreshOverview({ today }), () => undefined)
    database.proxy.setRates(null)
    const troubled = await digestsOf()
    process.env.DYNAMODB_TABLE = tableA
    assert.ok(Object.keys(calm).length > 20, 'digests were written')
    assert.deepEqual(troubled, calm)
  })
})
