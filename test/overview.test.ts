import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, anEmployee } from './helpers/fixtures'
import { manager } from './helpers/actors'
import { withRecording } from '../lib/db/recorder'
import { deleteClient, updateClient } from '../lib/clients/mutations'
import { deleteEmployee } from '../lib/employees/mutations'
import { getFirmOverview } from '../lib/overview/queries'
import { refreshOverview } from '../lib/upkeep/refresh-overview'
import { staffEmployee } from '../lib/staffing/mutations'
import { addWeeks, mondayOf, todayIso } from '../lib/load/allocation'
import { auditDerivedData } from '../lib/upkeep/audit'
import { scanAll } from '../lib/db/stored'
import { overviewAttributes } from '../lib/db/table'
import { loadDemoData } from '../lib/seed/load'
import { seedSizes } from '../lib/seed/demo-data'
import { itemSizeBytes } from '../bench/item-size'
import { installIndexLag } from './helpers/lagging-index'

useTestDatabase()

const DAY = 86_400_000
const plus = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

describe('the firm overview', () => {
  it('shows this and next week’s bench and over-allocation, counts and projects starting soon from one request, kept up to date on write', async () => {
    const today = todayIso()
    const monday = mondayOf(today)
    const before = await getFirmOverview(manager, today)
    const client = await aClient()
    const running = await aProject(client.id, 'Running', addWeeks(monday, -3))
    const support = await aProject(client.id, 'Support', addWeeks(monday, -3))
    const soon = await aProject(client.id, 'Starts Soon', plus(today, 10))
    const later = await aProject(client.id, 'Starts Later', plus(today, 60))
    // Names that sort first, so that the first few of each list include them.
    const busy = await anEmployee('Aa Busy')
    const idle = await anEmployee('Aa Idle')
    const between = await anEmployee('Aa Between')
    await staffEmployee(manager, { clientId: client.id, projectId: running.id, employeeId: busy.id, role: 'Dev', allocation: 80, startDate: addWeeks(monday, -3), endDate: addWeeks(monday, 8) })
    await staffEmployee(manager, { clientId: client.id, projectId: support.id, employeeId: busy.id, role: 'Lead', allocation: 40, startDate: addWeeks(monday, -1), status: 'tentative' })
    // Off this week and next, between one booking and another.
    await staffEmployee(manager, { clientId: client.id, projectId: running.id, employeeId: between.id, role: 'Dev', allocation: 50, startDate: addWeeks(monday, -3), endDate: plus(monday, -3) })
    await staffEmployee(manager, { clientId: client.id, projectId: support.id, employeeId: between.id, role: 'Dev', allocation: 50, startDate: addWeeks(monday, 3), endDate: addWeeks(monday, 6) })

    const { result, recording } = await withRecording(() => getFirmOverview(manager, today))
    assert.equal(recording.requests.length, 1)
    assert.equal(recording.requests[0].operation, 'BatchGetItem')
    const [thisWeek, nextWeek] = result.weeks
    assert.equal(thisWeek.weekStart, monday)
    assert.deepEqual(thisWeek.overAllocated.filter((p) => p.id === busy.id).map((p) => p.allocation), [120])
    assert.ok(thisWeek.bench.some((p) => p.id === idle.id))
    assert.ok(!thisWeek.bench.some((p) => p.id === busy.id))
    assert.deepEqual(
      thisWeek.bench.filter((p) => p.id === between.id).map((p) => [p.freeFrom, p.freeUntil]),
      [[plus(monday, -2), plus(addWeeks(monday, 3), -1)]],
      'free from the day after the last booking until the day before the next',
    )
    assert.ok(nextWeek.bench.some((p) => p.id === between.id))
    assert.equal(thisWeek.benchCount - before.weeks[0].benchCount, 2)
    assert.deepEqual(result.startingSoon.filter((p) => p.clientId === client.id).map((p) => p.id), [soon.id])
    assert.ok(!result.startingSoon.some((p) => p.id === later.id))
    assert.equal(result.counts.projects - before.counts.projects, 4)
    assert.equal(result.counts.clients - before.counts.clients, 1)
    assert.equal(result.counts.employees - before.counts.employees, 3)
    assert.deepEqual((await auditDerivedData()).problems, [])

    // A client renamed: its projects starting soon show the new name.
    await updateClient(manager, { clientId: client.id, version: client.version, name: `${client.name} Renamed`, industry: 'Retail', contactEmail: 'cto@client.example', status: 'active' })
    assert.deepEqual((await getFirmOverview(manager, today)).startingSoon.filter((p) => p.id === soon.id).map((p) => p.clientName), [`${client.name} Renamed`])

    await deleteClient(manager, { clientId: client.id })
    await deleteEmployee(manager, { employeeId: idle.id })
    const after = await getFirmOverview(manager, today)
    assert.equal(after.counts.projects, before.counts.projects)
    assert.equal(after.counts.employees - before.counts.employees, 2)
    assert.ok(!after.weeks[0].overAllocated.some((p) => p.id === busy.id))
    assert.ok(after.weeks[0].bench.some((p) => p.id === busy.id), 'with the client gone, the person is on the bench')
    assert.ok(!after.weeks[0].bench.some((p) => p.id === idle.id), 'a deleted person is off the bench')
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('a refresh right after a create keeps the new person, although the lagging index does not list them yet', async () => {
    const lag = installIndexLag(60_000)
    try {
      const person = await anEmployee('Aa Just Hired')
      await refreshOverview()
      const overview = await getFirmOverview(manager)
      assert.ok(overview.weeks[0].bench.some((p) => p.id === person.id))
    } finally {
      lag.uninstall()
    }
  })

  it('stays one request of the same small size when the partition the overview used to read holds more than 1 MB', async () => {
    // The large seed with more people and bookings (2,600 people, 18,000 assignments), written straight
    // to the table, then the refresh that fills the overview after a seed or an upgrade.
    await loadDemoData({ ...seedSizes.large, employees: 2600, assignments: 18_000 }, { seed: 7 })
    const refreshed = await refreshOverview()
    assert.ok(refreshed.people >= 2600)
    // What the overview used to read: every person and project, as GSI4's FIRM partition projected them.
    let firmBytes = 0
    for (const item of await scanAll()) {
      if (item._type !== 'Employee' && item._type !== 'Project') continue
      const projected = Object.fromEntries(['PK', 'SK', 'GSI4PK', 'GSI4SK', ...overviewAttributes].filter((name) => name in item || name === 'GSI4PK' || name === 'GSI4SK').map((name) => [name, item[name] ?? `${item._type === 'Employee' ? 'EMP' : 'PROJECT'}#${item.id}`]))
      firmBytes += itemSizeBytes(projected)
    }
    assert.ok(firmBytes > 1024 * 1024, `the old overview's partition would hold ${firmBytes} bytes by DynamoDB's rules`)

    const { result, recording } = await withRecording(() => getFirmOverview(manager))
    assert.equal(recording.requests.length, 1)
    const bytes = recording.requests[0].items.reduce((sum, item) => sum + itemSizeBytes(item), 0)
    assert.ok(bytes <= 64 * 1024, `the overview read ${bytes} bytes`)
    assert.ok(result.counts.employees >= 2600)
    assert.ok(result.upToDate)
    assert.ok(result.weeks[0].bench.length <= 12 && result.weeks[0].benchCount >= result.weeks[0].bench.length)
  })
})
