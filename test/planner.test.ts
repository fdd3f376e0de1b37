import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, aTechnology } from './helpers/fixtures'
import { employeeActor, manager } from './helpers/actors'
import { createEmployee, setSkill, updateEmployee } from '../lib/employees/mutations'
import { listEmployees, listEmployeesWithSkill } from '../lib/employees/queries'
import { addTimeOff } from '../lib/employees/time-off'
import { staffEmployee } from '../lib/staffing/mutations'
import { listPlannerPeople, type PlannerPage } from '../lib/planner/queries'
import { withRecording } from '../lib/db/recorder'
import { auditDerivedData } from '../lib/upkeep/audit'
import { AppError } from '../lib/errors'
import { plannerCell, plannerColumns, toPlannerRow } from '../lib/planner/grid'
import { moveDates } from '../lib/planner/drag'
import { practiceFigures } from '../lib/planner/practice-figures'
import { getCapacity } from '../lib/capacity/queries'
import { addWeeks, mondayOf, todayIso } from '../lib/load/allocation'

useTestDatabase()

let sequence = 0
const unique = (label: string) => `${label} ${Date.now().toString(36)}${(sequence++).toString(36)}`

function aPerson(name: string, practice: string, location: string) {
  return createEmployee(manager, { name, email: `${unique('p').replace(' ', '')}@roster.example`, title: 'Engineer', practice, location, capacityHours: 40 })
}

/** Reads pages until the end, asserting that each is one request and none is empty while more follow. */
async function everyPage(input: Parameters<typeof listPlannerPeople>[1]) {
  const pages: PlannerPage[] = []
  let cursor: string | undefined
  do {
    const { result, recording } = await withRecording(() => listPlannerPeople(manager, { ...input, cursor }))
    assert.equal(recording.requests.length, 1, 'one request per page')
    pages.push(result)
    cursor = result.nextCursor ?? undefined
  } while (cursor && pages.length < 50)
  return pages
}

describe('the planner', () => {
  it('filters by practice, by location and by both with key conditions: every page but the last is full', async () => {
    const practice = unique('Practice')
    const location = unique('Office')
    const elsewhere = unique('Office')
    // Seven in the practice (four at the office), and people at the office in another practice.
    const inPractice = await Promise.all(Array.from({ length: 7 }, (_, i) => aPerson(`${practice} person ${i}`, practice, i < 4 ? location : elsewhere)))
    await Promise.all(Array.from({ length: 3 }, (_, i) => aPerson(`Other ${i}`, unique('Practice'), location)))

    const byPractice = await everyPage({ practice, limit: 3 })
    assert.deepEqual(byPractice.slice(0, -1).map((page) => page.people.length), byPractice.slice(0, -1).map(() => 3))
    assert.deepEqual(byPractice.flatMap((page) => page.people.map((p) => p.id)).sort(), inPractice.map((p) => p.id).sort())
    assert.ok(byPractice.every((page) => page.keyedBy === 'practice'))

    const byLocation = await everyPage({ location, limit: 2 })
    assert.equal(byLocation.flatMap((page) => page.people).length, 7)
    assert.ok(byLocation.slice(0, -1).every((page) => page.people.length === 2))

    const both = await everyPage({ practice: practice.toUpperCase(), location: ` ${location.toLowerCase()} `, limit: 10 })
    assert.deepEqual(both.flatMap((page) => page.people.map((p) => p.id)).sort(), inPractice.slice(0, 4).map((p) => p.id).sort(), 'case and spaces do not matter')
  })

  it('the employee list filters by practice through the same key: full pages, a name prefix, one request each', async () => {
    const practice = unique('Practice')
    const people = await Promise.all(['Ann One', 'Ann Two', 'Bea Three'].map((name) => aPerson(name, practice, 'Berlin')))
    await aPerson('Ann Elsewhere', unique('Practice'), 'Berlin')
    const { result: first, recording } = await withRecording(() => listEmployees(manager, { practice, limit: 2 }))
    assert.equal(recording.requests.length, 1)
    assert.equal(recording.requests[0].index, 'GSI5')
    assert.deepEqual(first.items.map((p) => p.name), ['Ann One', 'Ann Two'])
    const second = await listEmployees(manager, { practice, limit: 2, cursor: first.nextCursor! })
    assert.deepEqual(second.items.map((p) => p.id), [people[2].id])
    assert.deepEqual((await listEmployees(manager, { practice, q: 'ann' })).items.map((p) => p.name), ['Ann One', 'Ann Two'])
  })

  it('the employee list filters by a rare skill through the technology’s partition: the first page holds the one person who has it', async () => {
    const technology = await aTechnology()
    const practice = unique('Practice')
    await Promise.all(Array.from({ length: 6 }, (_, i) => aPerson(`Without ${i}`, practice, 'Berlin')))
    const knows = await aPerson('With it', practice, 'Lisbon')
    await setSkill(manager, { employeeId: knows.id, technologyId: technology.id, level: 2 })
    const { result, recording } = await withRecording(() => listEmployeesWithSkill(manager, { technologyId: technology.id, limit: 2 }))
    assert.equal(recording.requests.length, 1)
    assert.equal(recording.requests[0].index, 'GSI2')
    assert.deepEqual(result.items.map((p) => [p.id, p.level, p.practice, p.location]), [[knows.id, 2, practice, 'Lisbon']])
    assert.deepEqual((await listEmployeesWithSkill(manager, { technologyId: technology.id, q: 'with' })).items.map((p) => p.id), [knows.id])
    assert.deepEqual((await listEmployeesWithSkill(manager, { technologyId: technology.id, q: 'nobody' })).items, [])
  })

  it('filters by a skill from a minimum level, best first, through the technology’s partition', async () => {
    const technology = await aTechnology()
    const practice = unique('Practice')
    const people = await Promise.all([1, 2, 3, 4, 5].map((level) => aPerson(`Level ${level}`, practice, 'Berlin')))
    await Promise.all(people.map((person, i) => setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: i + 1 })))
    const pages = await everyPage({ technologyId: technology.id, minLevel: 3, limit: 2 })
    assert.deepEqual(pages.flatMap((page) => page.people.map((p) => p.level)), [5, 4, 3])
    assert.deepEqual(pages[0].people.map((p) => p.practice), [practice, practice], 'skills carry the person’s practice')

    // A level change moves the person in the key order.
    await setSkill(manager, { employeeId: people[0].id, technologyId: technology.id, level: 5 })
    const [top] = await everyPage({ technologyId: technology.id, minLevel: 5, limit: 10 })
    assert.deepEqual(top.people.map((p) => p.id).sort(), [people[0].id, people[4].id].sort())
  })

  it('a saved practice or location moves the person between keys, and their skills’ copies follow', async () => {
    const technology = await aTechnology()
    const [from, to] = [unique('Practice'), unique('Practice')]
    const person = await aPerson('Mover', from, 'Lisbon')
    await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 4 })
    await updateEmployee(manager, { employeeId: person.id, version: person.version, name: 'Mover', email: person.email, title: 'Lead', practice: to, location: 'Dublin', capacityHours: 32 })
    assert.deepEqual((await listPlannerPeople(manager, { practice: from })).people, [])
    assert.deepEqual((await listPlannerPeople(manager, { practice: to })).people.map((p) => [p.location, p.capacityHours]), [['Dublin', 32]])
    const [skilled] = (await listPlannerPeople(manager, { technologyId: technology.id, practice: to, location: 'Dublin' })).people
    // The skill's copy carries the weekly hours too, so the planner shows a technology's people in hours.
    assert.deepEqual({ id: skilled.id, title: skilled.title, practice: skilled.practice, hours: skilled.capacityHours }, { id: person.id, title: 'Lead', practice: to, hours: 32 })
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('finds who is free at least X% from a date for N weeks, with time off and tentative work counted or not', async () => {
    const practice = unique('Practice')
    const client = await aClient()
    const project = await aProject(client.id)
    const [free, busy, away, tentative] = await Promise.all(['Free', 'Busy', 'Away', 'Tentative'].map((name) => aPerson(name, practice, 'Berlin')))
    const staff = (employeeId: string, allocation: number, startDate: string, endDate: string, status: 'confirmed' | 'tentative' = 'confirmed') =>
      staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId, role: 'Engineer', allocation, startDate, endDate, status })
    // From Monday 4 January 2027 for 8 weeks (to 28 February).
    await staff(free.id, 40, '2027-01-04', '2027-02-28')
    await staff(busy.id, 60, '2027-02-15', '2027-03-31') // busy in the last two weeks only
    await addTimeOff(manager, { employeeId: away.id, kind: 'vacation', startDate: '2027-01-25', endDate: '2027-01-27' }) // 3 days: 60% off one week
    await staff(tentative.id, 80, '2027-01-04', '2027-01-08', 'tentative')

    const ids = async (extra: Record<string, string>) =>
      (await listPlannerPeople(manager, { practice, freeAtLeast: 50, freeFrom: '2027-01-04', freeWeeks: 8, ...extra })).people.map((p) => p.name).sort()
    assert.deepEqual(await ids({}), ['Free'])
    assert.deepEqual(await ids({ tentative: 'ignore' }), ['Free', 'Tentative'])
    assert.deepEqual(await ids({ freeWeeks: '6' }), ['Busy', 'Free'], 'six weeks end before the busy weeks')
    const page = await listPlannerPeople(manager, { practice, freeAtLeast: 50, freeFrom: '2027-01-04', freeWeeks: 8 })
    assert.equal(page.scanned, 4, 'the page says how many it checked')
  })

  it('names bad filters by field, refuses a cursor from another filter, and needs a signed-in reader', async () => {
    const invalid = (input: Record<string, string>, field: string) =>
      assert.rejects(listPlannerPeople(manager, input), (error: AppError) => error.kind === 'invalid' && Boolean(error.fields?.[field]))
    await invalid({ freeAtLeast: '150' }, 'freeAtLeast')
    await invalid({ freeFrom: '2027-02-30', freeAtLeast: '50' }, 'freeFrom')
    await invalid({ freeWeeks: '4' }, 'freeAtLeast')
    await invalid({ minLevel: '3' }, 'minLevel')
    await invalid({ technologyId: 'Not An Id' }, 'technologyId')
    const practice = unique('Practice')
    await Promise.all([1, 2].map((i) => aPerson(`Cursor ${i}`, practice, 'Berlin')))
    const { nextCursor } = await listPlannerPeople(manager, { practice, limit: 1 })
    assert.ok(nextCursor)
    await invalid({ practice: unique('Practice'), cursor: nextCursor }, 'cursor')
    await assert.rejects(listPlannerPeople(null, {}), (error: AppError) => error.code === 'unauthenticated:session')
    assert.ok((await listPlannerPeople(employeeActor('e00000000001'), { practice })).people.length > 0, 'every signed-in person may read the planner')
  })
})

describe('the planner grid’s rows', () => {
  it('carry only the bookings and time off that touch the period on screen, and draw the same cells', () => {
    const person = {
      id: 'e1', name: 'Ada', title: 'Engineer', practice: 'Backend', location: 'Berlin', level: null, capacityHours: 40,
      bookings: [
        { start: '2026-01-05', end: '2026-03-27', allocation: 50, tentative: false }, // long over
        { start: '2026-11-02', end: '2026-12-11', allocation: 40, tentative: false }, // into the first week
        { start: '2027-01-04', end: null, allocation: 30, tentative: true }, // open-ended
        { start: '2027-09-06', end: '2027-10-01', allocation: 100, tentative: false }, // after the period
      ],
      timeOff: [
        { id: 't1', kind: 'vacation' as const, start: '2026-08-03', end: '2026-08-14' },
        { id: 't2', kind: 'vacation' as const, start: '2026-12-21', end: '2026-12-24' },
      ],
    }
    const columns = plannerColumns('weeks', '2026-12-07')
    const row = toPlannerRow(person, { start: columns[0].start, end: columns.at(-1)!.end })
    assert.deepEqual(row.bookings.map((booking) => booking.start), ['2026-11-02', '2027-01-04'])
    assert.deepEqual(row.timeOff.map((entry) => entry.id), ['t2'])
    for (const column of columns) {
      for (const tentative of [true, false]) assert.deepEqual(plannerCell(row, column, tentative), plannerCell(person, column, tentative), column.start)
    }
  })
})

describe('the planner’s cells and headers', () => {
  const person = {
    capacityHours: 32,
    bookings: [{ start: '2026-12-07', end: '2026-12-31', allocation: 50, tentative: false }],
    timeOff: [{ start: '2026-12-24', end: '2026-12-24' }],
  }

  it('say hours as the share of the column’s working days at the person’s weekly hours', () => {
    const [first, , third] = plannerColumns('weeks', '2026-12-07')
    // 50% of 32 h a week: 16 h booked, 16 h free.
    assert.deepEqual(pickHours(plannerCell(person, first, true)), { booked: 50, bookedHours: 16, freeHours: 16 })
    // The week of 21 Dec: Thursday off, so 4 days at 50% booked (8 × 4 × 0.5 = 12.8 h) and 12.8 h free; both round to 13.
    assert.deepEqual(pickHours(plannerCell(person, third, true)), { booked: 40, bookedHours: 13, freeHours: 13 })
    // December 2026 has 23 working days: 40% booked of 23 days of 6.4 h.
    const [december] = plannerColumns('months', '2026-12-01')
    assert.equal(december.workdays, 23)
    const cell = plannerCell(person, december, true)
    assert.equal(cell.bookedHours, Math.round((cell.booked * 32 * 23) / 500))
    assert.equal(plannerCell({ ...person, capacityHours: null }, december, true).bookedHours, null, 'no hours without weekly hours')
  })

  it('carry the year on the first column and where it changes', () => {
    const weeks = plannerColumns('weeks', '2026-12-07')
    assert.deepEqual(weeks.map((column) => column.year).filter(Boolean), ['2026', '2027'])
    assert.equal(weeks.findIndex((column) => column.year === '2027'), 4, 'the week of 4 Jan 2027')
    assert.equal(weeks[0].longLabel, 'week of 7 Dec 2026')
    const months = plannerColumns('months', '2026-11-01')
    assert.deepEqual(months.slice(0, 3).map((column) => [column.label, column.year]), [['Nov', '2026'], ['Dec', null], ['Jan', '2027']])
    assert.equal(months[2].longLabel, 'January 2027')
  })
})

describe('a planner practice group', () => {
  it('counts the whole practice, not the page: headcount and booked share from the capacity digests', async () => {
    const practice = unique('Practice')
    const people = await Promise.all(Array.from({ length: 3 }, (_, i) => aPerson(`Group ${i}`, practice, 'Berlin')))
    const client = await aClient()
    const project = await aProject(client.id)
    // Next week: the capacity digests hold 26 weeks from this one.
    const monday = addWeeks(mondayOf(todayIso()), 1)
    const columns = plannerColumns('weeks', monday)
    await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: people[0].id, role: 'Dev', allocation: 60, startDate: monday, endDate: columns[1].end, status: 'confirmed', idempotencyKey: crypto.randomUUID() })
    // Only one of the three on the page: the group still says three people, and 20% booked (60% of one of three).
    const capacity = await getCapacity(manager)
    const figures = practiceFigures(capacity, practice.toUpperCase(), columns, true)
    assert.equal(figures.people, 3)
    assert.deepEqual(figures.columns[0], { booked: 20, bookedHours: 24, freeHours: 96, capacityHours: 120 })
    assert.deepEqual(figures.columns[2], { booked: 0, bookedHours: 0, freeHours: 120, capacityHours: 120 })
    // Months count the weeks whose Thursday falls in them; a month past the digests' 26 weeks has no figure.
    const nextMonth = plannerColumns('months', `${addWeeks(todayIso(), 5).slice(0, 7)}-01`)
    const months = practiceFigures(capacity, practice, nextMonth, true)
    const thursdays = Array.from({ length: 31 }, (_, i) => new Date(Date.parse(`${nextMonth[0].start}T00:00:00Z`) + i * 86_400_000))
      .filter((date) => date.toISOString().slice(0, 10) <= nextMonth[0].end && date.getUTCDay() === 4).length
    assert.equal(months.columns[0]?.capacityHours, 120 * thursdays)
    assert.equal(months.columns[11], null)
    assert.deepEqual(practiceFigures(capacity, unique('Nobody'), columns, true), { people: 0, columns: columns.map(() => null) })
  })
})

describe('dragging an assignment’s bar', () => {
  const range = { start: '2026-12-07', end: '2026-12-18' }
  it('moves the whole bar, or one end, never past the other', () => {
    assert.deepEqual(moveDates(range, 'move', 3), { start: '2026-12-10', end: '2026-12-21' })
    assert.deepEqual(moveDates(range, 'move', -7), { start: '2026-11-30', end: '2026-12-11' })
    assert.deepEqual(moveDates(range, 'start', 2), { start: '2026-12-09', end: '2026-12-18' })
    assert.deepEqual(moveDates(range, 'start', 30), { start: '2026-12-18', end: '2026-12-18' })
    assert.deepEqual(moveDates(range, 'end', 14), { start: '2026-12-07', end: '2027-01-01' })
    assert.deepEqual(moveDates(range, 'end', -30), { start: '2026-12-07', end: '2026-12-07' })
    assert.deepEqual(moveDates({ start: '2026-12-07', end: null }, 'move', 7), { start: '2026-12-14', end: null }, 'open-ended stays open')
    assert.deepEqual(moveDates({ start: '2026-12-07', end: null }, 'end', 7), { start: '2026-12-07', end: null })
  })
})

function pickHours(cell: { booked: number; bookedHours: number | null; freeHours: number | null }) {
  return { booked: cell.booked, bookedHours: cell.bookedHours, freeHours: cell.freeHours }
}
