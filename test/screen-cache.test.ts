import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, anEmployee } from './helpers/fixtures'
import { employeeActor, manager } from './helpers/actors'
import { withRecording } from '../lib/db/recorder'
import { cachedScreen, forgetScreens, SCREEN_CACHE_LIMITS, screenCacheMs, screenCacheSize } from '../lib/db/screen-cache'
import { getClientDashboard } from '../lib/clients/queries'
import { getCapacity } from '../lib/capacity/queries'
import { staffEmployee } from '../lib/staffing/mutations'
import { respond } from '../lib/http/respond'

useTestDatabase()

// The cache is off outside production unless configured; these tests turn it on.
const previous = process.env.ROSTER_SCREEN_CACHE_MS
before(() => {
  process.env.ROSTER_SCREEN_CACHE_MS = '60000'
})
after(() => {
  if (previous === undefined) delete process.env.ROSTER_SCREEN_CACHE_MS
  else process.env.ROSTER_SCREEN_CACHE_MS = previous
})
beforeEach(() => forgetScreens())

describe('the screen cache', () => {
  it('is on for 2 s in production, off elsewhere, and as configured when set', () => {
    assert.equal(screenCacheMs({ NODE_ENV: 'production' }), 2000)
    assert.equal(screenCacheMs({}), 0)
    assert.equal(screenCacheMs({ NODE_ENV: 'production', ROSTER_SCREEN_CACHE_MS: '0' }), 0)
    assert.equal(screenCacheMs({ ROSTER_SCREEN_CACHE_MS: '500' }), 500)
  })

  it('serves a dashboard read again from memory with no request, and shows the read it came from', async () => {
    const client = await aClient()
    await aProject(client.id, 'Cached Project')
    const first = await withRecording(() => getClientDashboard(manager, { clientId: client.id }))
    const second = await withRecording(() => getClientDashboard(manager, { clientId: client.id }))
    assert.deepEqual(second.result, first.result)
    assert.equal(first.recording.cachedForMs, undefined, 'the first read went to the table')
    assert.equal(typeof second.recording.cachedForMs, 'number', 'the second says it was served from memory')
    assert.deepEqual(second.recording.requests, first.recording.requests, 'and shows the request that read it')
    assert.equal(second.recording.accessPattern, 'Client dashboard')
  })

  it('shows a write made through this process on the next read', async () => {
    const client = await aClient()
    const project = await aProject(client.id, 'Staffed Later')
    const person = await anEmployee()
    const before = await getClientDashboard(manager, { clientId: client.id })
    assert.equal(before!.projects[0].assignments.length, 0)
    await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Developer', allocation: '50', startDate: '2026-02-02', status: 'confirmed' })
    const { result, recording } = await withRecording(() => getClientDashboard(manager, { clientId: client.id }))
    assert.equal(result!.projects[0].assignments.length, 1, 'the new assignment is on the dashboard')
    assert.equal(recording.cachedForMs, undefined, 'read from the table again')
    assert.equal(recording.requests.length, 1)
  })

  it('keeps each role apart: an employee never gets the entry a manager’s read filled', async () => {
    const person = await anEmployee()
    const { recording: managers } = await withRecording(() => getCapacity(manager))
    const { recording: employees } = await withRecording(() => getCapacity(employeeActor(person.id)))
    assert.equal(managers.cachedForMs, undefined)
    assert.equal(employees.cachedForMs, undefined, 'the employee’s read filled its own entry')
    assert.equal(screenCacheSize().entries, 2)
  })

  it('still authorizes every read: no actor gets nothing, even when the entry is there', async () => {
    await getCapacity(manager)
    await assert.rejects(() => getCapacity(null), /sign in|unauth/i)
  })

  it('makes one read for concurrent misses of one key', async () => {
    let reads = 0
    const read = async () => {
      reads++
      await new Promise((resolve) => setTimeout(resolve, 20))
      return { figures: [1, 2, 3] }
    }
    const values = await Promise.all(Array.from({ length: 8 }, () => cachedScreen({ screen: 'test', role: 'manager', args: ['same'] }, read)))
    assert.equal(reads, 1)
    assert.ok(values.every((value) => value === values[0]))
  })

  it('reads again once an entry is older than the cache’s time', async () => {
    let reads = 0
    let clock = 1_000_000
    const read = async () => ({ reads: ++reads })
    const key = { screen: 'test', role: 'manager', args: ['aging'] }
    await cachedScreen(key, read, () => clock)
    clock += 59_999
    assert.deepEqual(await cachedScreen(key, read, () => clock), { reads: 1 })
    clock += 1
    assert.deepEqual(await cachedScreen(key, read, () => clock), { reads: 2 })
  })

  it('does not keep a read that a write overtook, nor a missing screen', async () => {
    let reads = 0
    const key = { screen: 'test', role: 'manager', args: ['overtaken'] }
    await cachedScreen(key, async () => {
      reads++
      forgetScreens() // a write answered while this read was under way
      return { reads }
    })
    await cachedScreen(key, async () => ({ reads: ++reads }))
    assert.equal(reads, 2)
    const missing = { screen: 'test', role: 'manager', args: ['missing'] }
    await cachedScreen(missing, async () => null)
    assert.equal(await cachedScreen(missing, async () => 'found'), 'found')
  })

  it('stays within its bounds in entries', async () => {
    for (let i = 0; i < SCREEN_CACHE_LIMITS.entries + 40; i++) await cachedScreen({ screen: 'test', role: 'manager', args: [i] }, async () => ({ i }))
    assert.equal(screenCacheSize().entries, SCREEN_CACHE_LIMITS.entries)
    // The newest are kept, the oldest went first.
    let reread = false
    await cachedScreen({ screen: 'test', role: 'manager', args: [SCREEN_CACHE_LIMITS.entries + 39] }, async () => ((reread = true), {}))
    assert.equal(reread, false)
  })

  it('hands out frozen values: a caller cannot change what the next one gets', async () => {
    const value = await cachedScreen({ screen: 'test', role: 'manager', args: ['frozen'] }, async () => ({ list: [{ n: 1 }] }))
    assert.throws(() => value.list.push({ n: 2 }), TypeError)
    assert.throws(() => {
      value.list[0].n = 5
    }, TypeError)
  })

  it('answers a route with a value from memory as the same JSON, and a fresh value as it is now', async () => {
    const shared = await cachedScreen({ screen: 'test', role: 'manager', args: ['json'] }, async () => ({ rows: [{ n: 1 }] }))
    assert.deepEqual(await (await respond(async () => shared)).json(), { rows: [{ n: 1 }] })
    assert.deepEqual(await (await respond(async () => shared)).json(), { rows: [{ n: 1 }] })
    const mine = { rows: [{ n: 1 }] }
    assert.deepEqual(await (await respond(async () => mine)).json(), { rows: [{ n: 1 }] })
    mine.rows.push({ n: 2 })
    const again = await respond(async () => mine)
    assert.deepEqual(await again.json(), { rows: [{ n: 1 }, { n: 2 }] }, 'a value that is not frozen is written anew')
    assert.equal(again.headers.get('content-type'), 'application/json')
  })
})
