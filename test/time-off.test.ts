import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aTechnology, anEmployee } from './helpers/fixtures'
import { employeeActor, manager } from './helpers/actors'
import { installCrashes } from './helpers/faults'
import { addTimeOff, removeTimeOff } from '../lib/employees/time-off'
import { setSkill } from '../lib/employees/mutations'
import { getEmployeeStaffing } from '../lib/employees/queries'
import { getTechnologyPage } from '../lib/technologies/queries'
import { getFirmOverview } from '../lib/overview/queries'
import { auditDerivedData } from '../lib/upkeep/audit'
import { sweepJobs } from '../job-registry'
import { AppError } from '../lib/errors'
import { mondayOf } from '../lib/load/allocation'

useTestDatabase()

describe('time off', () => {
  it('is recorded on the person, counted on the technology page and the overview, and removed again', async () => {
    // First by name, so the overview's first few on the bench include them.
    const person = await anEmployee('Aaron Away')
    const technology = await aTechnology()
    await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 3 })
    const today = new Date().toISOString().slice(0, 10)
    const monday = mondayOf(today)
    const friday = new Date(Date.parse(`${monday}T00:00:00Z`) + 4 * 86_400_000).toISOString().slice(0, 10)
    assert.ok((await getFirmOverview(manager, today)).weeks[0].bench.some((p) => p.id === person.id), 'a new person is on the bench')
    const entry = await addTimeOff(manager, { employeeId: person.id, kind: 'vacation', startDate: monday, endDate: friday, note: 'A week away' })
    assert.deepEqual({ kind: entry.kind, start: entry.start, end: entry.end, note: entry.note }, { kind: 'vacation', start: monday, end: friday, note: 'A week away' })

    const staffing = await getEmployeeStaffing(manager, { employeeId: person.id })
    assert.deepEqual(staffing?.employee.timeOff.map((t) => t.id), [entry.id])
    const page = await getTechnologyPage(manager, { technologyId: technology.id })
    assert.deepEqual(page?.people.find((p) => p.employeeId === person.id)?.timeOff.map((t) => t.id), [entry.id], 'the skill holds a copy')
    const overview = await getFirmOverview(manager, today)
    assert.ok(!overview.weeks[0].bench.some((p) => p.id === person.id), 'someone away all week is not on the bench')
    assert.ok(overview.weeks[1].bench.some((p) => p.id === person.id), 'but is next week')
    assert.deepEqual((await auditDerivedData()).problems, [])

    await removeTimeOff(manager, { employeeId: person.id, timeOffId: entry.id })
    assert.deepEqual((await getEmployeeStaffing(manager, { employeeId: person.id }))?.employee.timeOff, [])
    assert.deepEqual((await getTechnologyPage(manager, { technologyId: technology.id }))?.people.find((p) => p.employeeId === person.id)?.timeOff, [])
    assert.ok((await getFirmOverview(manager, today)).weeks[0].bench.some((p) => p.id === person.id))
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('an employee records their own, not someone else’s; bad dates name the field', async () => {
    const person = await anEmployee()
    const other = await anEmployee()
    const own = employeeActor(person.id)
    await addTimeOff(own, { employeeId: person.id, kind: 'sick', startDate: '2027-01-04', endDate: '2027-01-05' })
    await assert.rejects(addTimeOff(own, { employeeId: other.id, kind: 'sick', startDate: '2027-01-04', endDate: '2027-01-05' }), (error: AppError) => error.code === 'forbidden:role')
    await assert.rejects(addTimeOff(null, { employeeId: person.id, startDate: '2027-01-04', endDate: '2027-01-05' }), (error: AppError) => error.code === 'unauthenticated:session')
    await assert.rejects(addTimeOff(manager, { employeeId: person.id, startDate: '2027-01-05', endDate: '2027-01-04' }), (error: AppError) => Boolean(error.fields?.endDate))
    await assert.rejects(removeTimeOff(manager, { employeeId: person.id, timeOffId: 'nosuchentry1' }), (error: AppError) => error.code === 'not_found:time off')
  })

  it('a write cut off before the copies are made is finished by the sweep', async () => {
    const person = await anEmployee()
    const technology = await aTechnology()
    await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 2 })
    const crash = installCrashes()
    try {
      // The job item, then the person's entry; the crash takes the figures and the skill's copy.
      crash.after(2)
      await assert.rejects(addTimeOff(manager, { employeeId: person.id, startDate: '2027-02-01', endDate: '2027-02-05' }))
    } finally {
      crash.recover()
      crash.uninstall()
    }
    assert.notDeepEqual((await auditDerivedData()).problems, [], 'the copies are behind')
    await sweepJobs({ now: Date.now() + 10 * 60_000 })
    assert.deepEqual((await auditDerivedData()).problems, [])
    assert.equal((await getTechnologyPage(manager, { technologyId: technology.id }))?.people.find((p) => p.employeeId === person.id)?.timeOff.length, 1)
  })
})
