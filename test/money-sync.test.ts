import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, anEmployee } from './helpers/fixtures'
import { employeeActor, manager } from './helpers/actors'
import { createProject, setProjectRates, updateProject } from '../lib/projects/mutations'
import { getProjectPage } from '../lib/projects/queries'
import { getClientDashboard } from '../lib/clients/queries'
import { getEmployee, getEmployeeStaffing } from '../lib/employees/queries'
import { updateEmployee } from '../lib/employees/mutations'
import { addTimeOff } from '../lib/employees/time-off'
import { changeAssignment, staffEmployee } from '../lib/staffing/mutations'
import { saveRateCard } from '../lib/finance/mutations'
import { getRateCard } from '../lib/finance/queries'
import { AppError } from '../lib/errors'

useTestDatabase()

// A person staffed far in the future, so "to date" is nothing and the forecast is the whole assignment.
const start = '2031-01-06' // a Monday
const end = '2031-01-17' // the Friday after next: 10 working days

async function pricedSetup(role = 'Developer') {
  const client = await aClient()
  const project = await createProject(manager, { clientId: client.id, name: 'Priced', status: 'active', startDate: start, pricing: 'time_and_materials' })
  const person = await anEmployee()
  const withCost = await updateEmployee(manager, { ...person, employeeId: person.id, costRate: '60' })
  const assignment = await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role, allocation: 50, startDate: start, endDate: end, status: 'confirmed' })
  return { client, project, person: withCost, assignment }
}

const moneyOf = async (clientId: string, projectId: string) => (await getProjectPage(manager, { clientId, projectId }))!

describe('money kept on write', () => {
  it('the card, the project’s rates and the assignment’s own rate reach the forecast, and a change of allocation moves it by the hand-computed amount', async () => {
    const card = await getRateCard(manager)
    await saveRateCard(manager, { version: card.version, rates: [{ role: 'Developer', rate: '100' }] })
    const { client, project, assignment } = await pricedSetup()
    // 40 h × 50% × 2 weeks = 40 h; × €100 = €4,000; × €60 = €2,400.
    let page = await moneyOf(client.id, project.id)
    assert.equal(page.assignments[0].money?.rateSource, 'card')
    assert.deepEqual(page.financials?.revenue, { toDate: 0, forecast: 400_000 })
    assert.equal(page.financials?.forecast.cost, 240_000)
    assert.equal(page.financials?.margin, 40)

    // 80% instead of 50%: 64 h; €6,400 revenue, €3,840 cost, so +€2,400 and +€1,440.
    await changeAssignment(manager, { clientId: client.id, projectId: project.id, assignmentId: assignment.id, version: assignment.version, role: 'Developer', allocation: 80, startDate: start, endDate: end, status: 'confirmed' })
    page = await moneyOf(client.id, project.id)
    assert.equal(page.financials?.revenue.forecast, 640_000)
    assert.equal(page.financials?.forecast.cost, 384_000)

    // The project's own rate for the role (€110) is over the card: 64 h × €110 = €7,040.
    await setProjectRates(manager, { clientId: client.id, projectId: project.id, version: page.version, rates: [{ role: 'developer', rate: '110' }] })
    page = await moneyOf(client.id, project.id)
    assert.equal(page.assignments[0].money?.rateSource, 'project')
    assert.equal(page.financials?.revenue.forecast, 704_000)

    // The assignment's own rate (€125) is over both: 64 h × €125 = €8,000.
    const current = page.assignments[0]
    await changeAssignment(manager, { clientId: client.id, projectId: project.id, assignmentId: current.id, version: current.version, role: 'Developer', allocation: 80, startDate: start, endDate: end, status: 'confirmed', rateOverride: '125' })
    page = await moneyOf(client.id, project.id)
    assert.equal(page.financials?.revenue.forecast, 800_000)

    // A JSON body that leaves the rate out keeps it; one that sends it blank removes it.
    const now = page.assignments[0]
    await changeAssignment(manager, { clientId: client.id, projectId: project.id, assignmentId: now.id, version: now.version, role: 'Developer', allocation: 80, startDate: start, endDate: end, status: 'confirmed' })
    page = await moneyOf(client.id, project.id)
    assert.equal(page.assignments[0].money?.rateOverride, 12_500)
    const kept = page.assignments[0]
    await changeAssignment(manager, { clientId: client.id, projectId: project.id, assignmentId: kept.id, version: kept.version, role: 'Developer', allocation: 80, startDate: start, endDate: end, status: 'confirmed', rateOverride: '' })
    page = await moneyOf(client.id, project.id)
    assert.equal(page.assignments[0].money?.rateSource, 'project')
  })

  it('a card change reprices every assignment with that role, and leaves other roles alone', async () => {
    const { client, project } = await pricedSetup('Tester')
    const card = await getRateCard(manager)
    const saved = await saveRateCard(manager, { version: card.version, rates: [...card.rates.map((line) => ({ role: line.role, rate: (line.rate / 100).toFixed(2) })), { role: 'Tester', rate: '80' }] })
    assert.ok(saved.repriced >= 1)
    const page = await moneyOf(client.id, project.id)
    assert.equal(page.assignments[0].money?.rate, 8_000)
    assert.equal(page.financials?.revenue.forecast, 320_000) // 40 h × €80
    await assert.rejects(saveRateCard(manager, { version: card.version, rates: [] }), (error: AppError) => error.code === 'conflict:stale')
  })

  it('time off, a new cost rate and a switch to non-billable follow onto the figures and the bookings', async () => {
    const { client, project, person } = await pricedSetup('Analyst')
    // Two days off in the first week: 8 days × 4 h = 32 h × €60 = €1,920.
    await addTimeOff(manager, { employeeId: person.id, kind: 'vacation', startDate: '2031-01-09', endDate: '2031-01-10' })
    let page = await moneyOf(client.id, project.id)
    assert.equal(page.financials?.forecast.hours, 32)
    assert.equal(page.financials?.forecast.cost, 192_000)
    const latest = (await getEmployee(manager, { employeeId: person.id }))!
    await updateEmployee(manager, { ...latest, employeeId: person.id, costRate: '70' })
    page = await moneyOf(client.id, project.id)
    assert.equal(page.financials?.forecast.cost, 224_000) // 32 h × €70
    await updateProject(manager, { clientId: client.id, projectId: project.id, version: page.version, name: page.name, status: page.status, startDate: page.startDate, pricing: 'non_billable' })
    page = await moneyOf(client.id, project.id)
    assert.equal(page.financials?.revenue.forecast, 0)
    assert.equal(page.assignments[0].money?.rateSource, 'none')
    const staffing = (await getEmployeeStaffing(manager, { employeeId: person.id }))!
    assert.equal(staffing.employee.bookings.find((booking) => booking.projectId === project.id)?.billable, false, 'the booking says non-billable')
  })

  it('a fixed-price project that will overrun is flagged on its client’s dashboard with the week', async () => {
    const client = await aClient()
    const project = await createProject(manager, { clientId: client.id, name: 'Fixed', status: 'active', startDate: start, pricing: 'fixed_price', budgetKind: 'money', budget: '3000' })
    const person = await anEmployee()
    await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Developer', allocation: 100, startDate: start, endDate: end, status: 'confirmed', rateOverride: '100' })
    // 8 h a day × €100 = €800 a day: €2,400 after Wed 8 Jan, €3,200 after Thu 9 Jan: over a €3,000 fee in the week of 6 Jan.
    const dashboard = (await getClientDashboard(manager, { clientId: client.id }))!
    assert.deepEqual(dashboard.money?.overruns.map((overrun) => [overrun.name, overrun.runsOutOn, overrun.runsOutWeek]), [['Fixed', '2031-01-09', '2031-01-06']])
    await assert.rejects(
      createProject(manager, { clientId: client.id, name: 'No fee', status: 'active', startDate: start, pricing: 'fixed_price' }),
      (error: AppError) => error.code === 'invalid:project' && Boolean(error.fields?.budget),
    )
  })

  it('an employee receives no money: no budget, rates, costs or financials', async () => {
    const { client, project, person } = await pricedSetup('Consultant')
    const reader = employeeActor(person.id)
    const page = (await getProjectPage(reader, { clientId: client.id, projectId: project.id }))!
    const dashboard = (await getClientDashboard(reader, { clientId: client.id }))!
    const own = (await getEmployeeStaffing(reader, { employeeId: person.id }))!
    const text = JSON.stringify([page, dashboard, own, await getEmployee(reader, { employeeId: person.id })])
    for (const field of ['"money"', '"financials"', '"costRate"', '"rates"', '"rate"', '6000']) assert.ok(!text.includes(field), `${field} reached an employee`)
    assert.equal(page.budget, null)
    await assert.rejects(getRateCard(reader), (error: AppError) => error.status === 403)
    await assert.rejects(saveRateCard(reader, { version: 0, rates: [] }), (error: AppError) => error.status === 403)
  })
})
