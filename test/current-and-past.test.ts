import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, anEmployee } from './helpers/fixtures'
import { manager } from './helpers/actors'
import { withRecording } from '../lib/db/recorder'
import { getClientDashboard } from '../lib/clients/queries'
import { clientFigures } from '../lib/clients/figures'
import { getProjectPage } from '../lib/projects/queries'
import { staffEmployee } from '../lib/staffing/mutations'
import { hasEnded, peopleCurrentlyStaffed, splitCurrentAndPast } from '../lib/staffing/current'
import { addWeeks, fromDay, toDay, todayIso } from '../lib/load/allocation'

useTestDatabase()

const addDays = (date: string, days: number) => fromDay(toDay(date) + days)

describe('current and past staffing', () => {
  it('an assignment that ended before today is past; one ending today, one not started yet and an open-ended one are current', () => {
    const today = '2026-09-15'
    const list = [
      { id: 'ended', employeeId: 'a', endDate: '2026-09-14' },
      { id: 'ends-today', employeeId: 'b', endDate: '2026-09-15' },
      { id: 'upcoming', employeeId: 'c', endDate: '2027-01-31' },
      { id: 'open', employeeId: 'd', endDate: null },
      { id: 'no-end', employeeId: 'a' },
    ]
    assert.equal(hasEnded(list[0], today), true)
    assert.equal(hasEnded(list[1], today), false)
    const { current, past } = splitCurrentAndPast(list, today)
    assert.deepEqual(past.map((a) => a.id), ['ended'])
    assert.deepEqual(current.map((a) => a.id), ['ends-today', 'upcoming', 'open', 'no-end'])
    assert.equal(peopleCurrentlyStaffed(list, today), 4, 'a, with an open-ended assignment too, still counts once')
    assert.equal(peopleCurrentlyStaffed([list[0]], today), 0)
  })

  it('the dashboard, still one Query, says which day it was read for; someone who left is not among its current staffing and not counted as currently staffed', async () => {
    const today = todayIso()
    const client = await aClient()
    const project = await aProject(client.id, 'Checkout Rebuild', addWeeks(today, -40))
    const [left, staying, joining] = await Promise.all([anEmployee('Left In September'), anEmployee('Still Here'), anEmployee('Starts Later')])
    const base = { clientId: client.id, projectId: project.id, role: 'Engineer', allocation: 50, status: 'confirmed' as const }
    await staffEmployee(manager, { ...base, employeeId: left.id, startDate: addWeeks(today, -30), endDate: addDays(today, -1) })
    await staffEmployee(manager, { ...base, employeeId: staying.id, startDate: addWeeks(today, -10), endDate: today })
    await staffEmployee(manager, { ...base, employeeId: joining.id, startDate: addWeeks(today, 4) })

    const { result: dashboard, recording } = await withRecording(() => getClientDashboard(manager, { clientId: client.id }))
    assert.equal(recording.requests.length, 1)
    assert.equal(dashboard!.today, today)
    const [checkout] = dashboard!.projects
    assert.equal(checkout.assignments.length, 3, 'the past stays on the dashboard, under its own disclosure')
    const { current, past } = splitCurrentAndPast(checkout.assignments, dashboard!.today)
    assert.deepEqual(current.map((a) => a.employeeName).sort(), ['Starts Later', 'Still Here'])
    assert.deepEqual(past.map((a) => a.employeeName), ['Left In September'])

    const figures = clientFigures(dashboard!.projects, dashboard!.today)
    assert.equal(figures.peopleCurrentlyStaffed, 2)
    assert.equal(figures.assignments, 3, 'deleting the client still removes every assignment, past ones too')
    assert.equal(figures.allocationFte, 0.5, 'only the one running today counts towards today’s allocation')

    // The project page splits the same list the same way.
    const page = await getProjectPage(manager, { clientId: client.id, projectId: project.id })
    assert.deepEqual(splitCurrentAndPast(page!.assignments, today).past.map((a) => a.employeeName), ['Left In September'])
    assert.equal(peopleCurrentlyStaffed(page!.assignments, today), 2)
  })
})
