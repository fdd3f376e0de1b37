import assert from 'node:assert/strict'
import { it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, anEmployee } from './helpers/fixtures'
import { withRecording } from '../lib/db/recorder'
import { deleteClient } from '../lib/clients/mutations'
import { getFirmOverview } from '../lib/overview/queries'
import { staffEmployee } from '../lib/staffing/mutations'
import { manager } from './helpers/actors'

useTestDatabase()

it('the firm overview lists bench, over-allocation and projects starting soon from one Query', async () => {
  const today = '2026-11-25'
  const client = await aClient()
  const running = await aProject(client.id, 'Running', '2026-11-02')
  const support = await aProject(client.id, 'Support', '2026-11-02')
  const soon = await aProject(client.id, 'Starts Soon', '2026-12-10')
  const later = await aProject(client.id, 'Starts Later', '2027-02-01')
  const busy = await anEmployee('Busy Bee')
  const idle = await anEmployee('Idle Ida')
  await staffEmployee(manager, { clientId: client.id, projectId: running.id, employeeId: busy.id, role: 'Dev', allocation: 80, startDate: '2026-11-02', endDate: '2026-12-31' })
  await staffEmployee(manager, { clientId: client.id, projectId: support.id, employeeId: busy.id, role: 'Lead', allocation: 40, startDate: '2026-11-20', status: 'tentative' })

  const { result, recording } = await withRecording(() => getFirmOverview(manager, today))
  assert.equal(recording.requests.length, 1)
  assert.equal(recording.requests[0].index, 'GSI4')
  const person = recording.requests[0].items.find((item) => item.id === busy.id)!
  assert.equal(person.email, undefined, 'the overview index carries only what the screen needs')
  assert.equal(person.bookings, undefined, 'the overview index carries the compact load, not the bookings')
  assert.equal((person.loadSpans as string[]).length, 2)
  assert.deepEqual(result.overAllocated.map((p) => [p.id, p.allocation]), [[busy.id, 120]])
  assert.ok(result.bench.some((p) => p.id === idle.id))
  assert.ok(!result.bench.some((p) => p.id === busy.id))
  assert.deepEqual(result.startingSoon.map((p) => p.id), [soon.id])
  assert.ok(!result.startingSoon.some((p) => p.id === later.id))
  assert.equal(result.counts.projects, 4)

  await deleteClient(manager, { clientId: client.id })
  const after = await getFirmOverview(manager, today)
  assert.equal(after.counts.projects, 0)
  assert.deepEqual(after.overAllocated, [])
  assert.ok(after.bench.some((p) => p.id === busy.id), 'with the client gone, the person is on the bench')
})
