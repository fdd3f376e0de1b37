import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, anEmployee } from './helpers/fixtures'
import { employeeActor, manager } from './helpers/actors'
import { createProject, deleteProject } from '../lib/projects/mutations'
import { changeAssignment, staffEmployee } from '../lib/staffing/mutations'
import { updateEmployee } from '../lib/employees/mutations'
import { getFinance } from '../lib/finance/queries'
import { monthsFrom, projectFinanceEntry } from '../lib/money/finance'
import { auditDerivedData } from '../lib/upkeep/audit'
import { refreshOverview } from '../lib/upkeep/refresh-overview'
import { todayIso } from '../lib/load/allocation'
import { AppError } from '../lib/errors'
import { withRecording } from '../lib/db/recorder'
import { getProjectPage } from '../lib/projects/queries'
import { getClientDashboard } from '../lib/clients/queries'

useTestDatabase()

const work = { id: 'a', allocation: 50, tentative: false, billable: true, rate: 10_000, cost: 6_000, hours: 40, off: [] }

describe('money by month, by hand', () => {
  it('time and materials: each month’s hours × rates; tentative apart', () => {
    // Mon 1 Feb to Fri 12 Mar 2027: 20 working days in February, 10 in March; 4 h a day.
    const entry = projectFinanceEntry(
      {
        clientId: 'c', name: 'P', clientName: 'C', status: 'active', pricing: 'time_and_materials', budgetKind: null, budgetAmount: null, startDate: '2027-02-01', endDate: null,
        work: [{ ...work, startDate: '2027-02-01', endDate: '2027-03-12' }, { ...work, id: 'b', tentative: true, startDate: '2027-03-01', endDate: '2027-03-05' }],
      },
      '2027-01-15',
    )!
    assert.deepEqual(entry.m['2027-02'], { r: 800_000, rt: 0, c: 480_000, ct: 0 }) // 80 h × €100, × €60
    assert.deepEqual(entry.m['2027-03'], { r: 400_000, rt: 200_000, c: 240_000, ct: 120_000 }) // 40 h; tentative 5 days × 4 h
    assert.equal(entry.m['2027-01'], undefined, 'no work in January')
    assert.equal(entry.o, '')
  })

  it('fixed price: the fee spread over the confirmed hours, and the day the budget runs out', () => {
    // €6,000 fee over 120 h (80 h in February, 40 in March): €4,000 and €2,000. Work at €100 is €400 a day:
    // exactly €6,000 after day 15 (Fri 19 Feb), past it on day 16, Mon 22 Feb.
    const entry = projectFinanceEntry(
      {
        clientId: 'c', name: 'P', clientName: 'C', status: 'active', pricing: 'fixed_price', budgetKind: 'money', budgetAmount: 600_000, startDate: '2027-02-01', endDate: '2027-03-12',
        work: [{ ...work, startDate: '2027-02-01', endDate: '2027-03-12' }],
      },
      '2027-01-15',
    )!
    assert.equal(entry.m['2027-02'].r, 400_000)
    assert.equal(entry.m['2027-03'].r, 200_000)
    assert.equal(entry.o, '2027-02-22')
    // A fee that does not divide evenly still adds up: €1,000.00 over 20 h, 13 h in one month and 7 in the next.
    const uneven = projectFinanceEntry(
      {
        clientId: 'c', name: 'P', clientName: 'C', status: 'active', pricing: 'fixed_price', budgetKind: 'money', budgetAmount: 100_000, startDate: '2027-02-01', endDate: '2027-03-31',
        work: [{ ...work, hours: 10, allocation: 13, startDate: '2027-02-01', endDate: '2027-02-26' }, { ...work, id: 'b', hours: 10, allocation: 7, startDate: '2027-03-01', endDate: '2027-03-26' }],
      },
      '2027-01-15',
    )!
    // February: 20 days × 10 h × 13% ÷ 5 = 5.2 h; March 20 × 10 × 7% ÷ 5 = 2.8 h: €650.00 and €350.00.
    assert.deepEqual([uneven.m['2027-02'].r, uneven.m['2027-03'].r], [65_000, 35_000])
    assert.deepEqual(monthsFrom('2027-11-30', 3), ['2027-11', '2027-12', '2028-01'])
  })
})

describe('/finance from the digests', () => {
  it('a staffing, a change and a delete move the months by the hand-worked amounts; the audit agrees; employees are refused', async () => {
    const client = await aClient()
    const project = await createProject(manager, { clientId: client.id, name: 'Monthly', status: 'active', startDate: '2026-01-05', pricing: 'time_and_materials' })
    const person = await anEmployee()
    await updateEmployee(manager, { ...person, employeeId: person.id, costRate: '50' })
    // Next month, whole: its working days × 8 h × €120 revenue, × €50 cost.
    const [next] = monthsFrom(todayIso(), 2).slice(1)
    const [year, month] = next.split('-').map(Number)
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
    let days = 0
    for (let d = 1; d <= Number(last.slice(8)); d++) if (![0, 6].includes(new Date(Date.UTC(year, month - 1, d)).getUTCDay())) days++
    const before = (await getFinance(manager)).months.find((m) => m.month === next)!
    const assignment = await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 100, startDate: `${next}-01`, endDate: last, status: 'confirmed', rateOverride: '120' })
    let after = (await getFinance(manager)).months.find((m) => m.month === next)!
    assert.equal(after.revenue - before.revenue, days * 8 * 12_000)
    assert.equal(after.cost - before.cost, days * 8 * 5_000)
    // Half time: half of each.
    await changeAssignment(manager, { clientId: client.id, projectId: project.id, assignmentId: assignment.id, version: assignment.version, role: 'Dev', allocation: 50, startDate: `${next}-01`, endDate: last, status: 'tentative', rateOverride: '120' })
    after = (await getFinance(manager)).months.find((m) => m.month === next)!
    assert.equal(after.revenue - before.revenue, 0, 'now tentative: out of the confirmed figures')
    assert.equal(after.tentativeRevenue - before.tentativeRevenue, days * 4 * 12_000)
    assert.deepEqual((await auditDerivedData()).problems, [])
    await deleteProject(manager, { clientId: client.id, projectId: project.id })
    after = (await getFinance(manager)).months.find((m) => m.month === next)!
    assert.deepEqual([after.revenue, after.tentativeRevenue, after.cost], [before.revenue, before.tentativeRevenue, before.cost])
    await assert.rejects(getFinance(employeeActor(person.id)), (error: AppError) => error.status === 403)
  })

  it('/finance, a project page with its money and a dashboard are each one request', async () => {
    const client = await aClient()
    const project = await createProject(manager, { clientId: client.id, name: 'Counted', status: 'active', startDate: '2026-01-05', pricing: 'fixed_price', budget: '5000' })
    const screens: [string, () => Promise<unknown>][] = [
      ['finance', () => getFinance(manager)],
      ['project page', () => getProjectPage(manager, { clientId: client.id, projectId: project.id })],
      ['dashboard', () => getClientDashboard(manager, { clientId: client.id })],
    ]
    for (const [name, read] of screens) {
      const { recording } = await withRecording(read)
      assert.equal(recording.requests.length, 1, `${name}: ${recording.requests.map((r) => r.operation).join(', ')}`)
    }
    assert.ok((await getFinance(manager)).card.rates !== undefined, 'the rate card rides along')
  })

  it('the daily refresh leaves the digests as the syncs do', async () => {
    await refreshOverview()
    assert.deepEqual((await auditDerivedData()).problems, [])
  })
})
