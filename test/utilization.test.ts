import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient } from './helpers/fixtures'
import { employeeActor, manager } from './helpers/actors'
import { createEmployee } from '../lib/employees/mutations'
import { createProject } from '../lib/projects/mutations'
import { staffEmployee } from '../lib/staffing/mutations'
import { getUtilization, getUtilizationPeople } from '../lib/utilization/queries'
import { periodRange, personUtilization } from '../lib/utilization/figures'
import { getEmployeeStaffing } from '../lib/employees/queries'
import { addWeeks, mondayOf, todayIso } from '../lib/load/allocation'
import { AppError } from '../lib/errors'
import { withRecording } from '../lib/db/recorder'

useTestDatabase()

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

describe('utilization from the capacity digests', () => {
  it('a practice’s billable utilization next month matches the hand-worked figure, with tentative work in and out', async () => {
    const practice = `Util ${Date.now().toString(36)}`
    const client = await aClient()
    const billable = await createProject(manager, { clientId: client.id, name: 'Billable', status: 'active', startDate: '2026-01-05', pricing: 'time_and_materials' })
    const internal = await createProject(manager, { clientId: client.id, name: 'Internal', status: 'active', startDate: '2026-01-05', pricing: 'non_billable' })
    const person = (name: string, capacityHours: number) =>
      createEmployee(manager, { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@roster.example`, title: 'Engineer', practice, location: 'Berlin', capacityHours })
    const ada = await person('Ada Util', 40)
    const bo = await person('Bo Util', 32)
    // Next month's weeks are those whose Thursday falls in it: from the Monday of the first to the Sunday of the last.
    const month = periodRange('next-month', todayIso())
    let first = mondayOf(month.from)
    if (addDays(first, 3) < month.from) first = addWeeks(first, 1)
    let last = mondayOf(month.to)
    if (addDays(last, 3) > month.to) last = addWeeks(last, -1)
    const staff = (employeeId: string, projectId: string, allocation: number, startDate: string, endDate: string, status: 'confirmed' | 'tentative') =>
      staffEmployee(manager, { clientId: client.id, projectId, employeeId, role: 'Engineer', allocation, startDate, endDate, status })
    // Ada: 50% billable and 25% internal all month. Bo: 100% billable, tentative, for the first two weeks.
    await staff(ada.id, billable.id, 50, first, addDays(last, 6), 'confirmed')
    await staff(ada.id, internal.id, 25, first, addDays(last, 6), 'confirmed')
    await staff(bo.id, billable.id, 100, first, addDays(first, 13), 'tentative')

    const withTentative = await getUtilization(manager, { period: 'next-month', grain: 'month', tentative: 'include' })
    const row = withTentative.practices.find((p) => p.name === practice)!
    const weeks = row.total.weeks
    assert.ok(weeks === 4 || weeks === 5, `a month has 4 or 5 weeks by their Thursday, not ${weeks}`)
    // Per week: capacity 40 + 32 = 72 h; Ada 20 h billable and 10 h internal; Bo 32 h tentative billable in two weeks.
    assert.equal(row.total.capacity, 72 * weeks)
    assert.equal(row.total.scheduled, 30 * weeks + 64)
    assert.equal(row.total.billable, 20 * weeks + 64)
    assert.equal(row.total.nonBillable, 10 * weeks)
    assert.equal(row.total.unscheduled, 72 * weeks - (30 * weeks + 64))
    assert.equal(row.total.billablePercent, Math.round(((20 * weeks + 64) / (72 * weeks)) * 1000) / 10) // 50% in a 4-week month
    const confirmedOnly = (await getUtilization(manager, { period: 'next-month', grain: 'month', tentative: 'ignore' })).practices.find((p) => p.name === practice)!
    assert.equal(confirmedOnly.total.billable, 20 * weeks)
    assert.equal(confirmedOnly.total.billablePercent, 27.8) // 20 ÷ 72
    assert.equal(confirmedOnly.periods.length, 1, 'one month')
    const byWeek = (await getUtilization(manager, { period: 'next-month', grain: 'week' })).practices.find((p) => p.name === practice)!
    assert.deepEqual(byWeek.periods.map((cell) => cell.billable), Array.from({ length: weeks }, (_, i) => (i < 2 ? 52 : 20)))

    // The people view: each person over the month, from the practice's page of people.
    const people = await getUtilizationPeople(manager, { period: 'next-month', grain: 'month', practice: practice.toLowerCase() })
    assert.deepEqual(
      people.people.map((row) => [row.name, row.total.capacity, row.total.billable, row.total.nonBillable]),
      [['Ada Util', 40 * weeks, 20 * weeks, 10 * weeks], ['Bo Util', 32 * weeks, 64, 0]],
    )
    assert.equal(people.practiceName, practice)

    // Ada's own page, as Ada: 20 h billable and 10 h internal in each of next month's weeks (hours only).
    const own = (await getEmployeeStaffing(employeeActor(ada.id), { employeeId: ada.id }))!
    const mine = personUtilization(own.employee, todayIso(), 26)
    const inMonth = mine.periods.filter((cell) => cell.from >= first && cell.from <= last)
    assert.equal(inMonth.length, weeks)
    for (const cell of inMonth) assert.deepEqual([cell.capacity, cell.billable, cell.nonBillable, cell.billablePercent], [40, 20, 10, 50])
  })

  it('is one request, whatever the period', async () => {
    const { recording } = await withRecording(() => getUtilization(manager, { period: 'next-26-weeks', grain: 'week' }))
    assert.deepEqual(recording.requests.map((r) => r.operation), ['BatchGetItem'])
  })

  it('an employee sees the same hours; bad input is a field error', async () => {
    const asEmployee = await getUtilization(employeeActor('someone'), { period: 'next-quarter', grain: 'month' })
    assert.ok(asEmployee.firm.periods.length >= 3)
    await assert.rejects(getUtilization(manager, { period: 'custom', from: '2027-02-01' }), (error: AppError) => error.status === 400 && Boolean(error.fields?.from))
    await assert.rejects(getUtilization(manager, { period: 'sometime' }), (error: AppError) => Boolean(error.fields?.period))
  })
})
