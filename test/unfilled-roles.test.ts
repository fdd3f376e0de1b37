import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, aTechnology } from './helpers/fixtures'
import { employeeActor, manager } from './helpers/actors'
import { createEmployee, setSkill, updateEmployee } from '../lib/employees/mutations'
import { staffEmployee } from '../lib/staffing/mutations'
import { addTimeOff } from '../lib/employees/time-off'
import { getClientDashboard } from '../lib/clients/queries'
import { getProjectPage } from '../lib/projects/queries'
import { deleteProject } from '../lib/projects/mutations'
import { deleteClient } from '../lib/clients/mutations'
import { assignUnfilledRole, changeUnfilledRole, createUnfilledRole, deleteUnfilledRole } from '../lib/roles/mutations'
import { getRoleSuggestions } from '../lib/roles/queries'
import { getCapacity } from '../lib/capacity/queries'
import { getEmployeeStaffing } from '../lib/employees/queries'
import { withRecording } from '../lib/db/recorder'
import { auditDerivedData } from '../lib/upkeep/audit'
import { AppError } from '../lib/errors'
import { overviewIsCurrent } from '../lib/digests/overview-sync'
import { refreshOverview } from '../lib/upkeep/refresh-overview'
import { writeOverviewState } from '../lib/db/overview-store'
import { trackedWeeks } from '../lib/digests/overview'
import { addWeeks, mondayOf, todayIso } from '../lib/load/allocation'

useTestDatabase()

let sequence = 0
const unique = (label: string) => `${label} ${Date.now().toString(36)}${(sequence++).toString(36)}`
const nextMonday = addWeeks(mondayOf(todayIso()), 1)
const fridayOfWeek = (weeks: number) => {
  const date = new Date(`${addWeeks(nextMonday, weeks - 1)}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 4)
  return date.toISOString().slice(0, 10)
}

function aPerson(name: string, practice: string) {
  return createEmployee(manager, { name, email: `${unique('p').replace(' ', '')}@roster.example`, title: 'Engineer', practice, location: 'Berlin', capacityHours: 40 })
}

/** A role's practice is one of the firm's: each test plans its roles in a practice no other test here uses. */
async function aFirm(practice: string) {
  const client = await aClient()
  const project = await aProject(client.id, undefined, nextMonday)
  const typescript = await aTechnology(unique('TypeScript'))
  return { practice, client, project, typescript }
}

const practiceWeeks = async (practice: string) => {
  const view = await getCapacity(manager)
  return view.practices.find((entry) => entry.name === practice)?.weeks ?? []
}

describe('unfilled roles', () => {
  it('a role lives with its project: the dashboard and the project page show it in their one request, and capacity counts it as unfilled demand', async () => {
    const { practice, client, project, typescript } = await aFirm('Delivery')
    const role = await createUnfilledRole(manager, {
      clientId: client.id, projectId: project.id, role: 'Frontend developer', practice,
      requirements: [{ technologyId: typescript.id, minLevel: 3 }], allocation: 80, startDate: nextMonday, endDate: fridayOfWeek(8), status: 'confirmed',
    })
    assert.deepEqual(role.requirements, [{ technologyId: typescript.id, technologyName: typescript.name, minLevel: 3 }])

    const dashboard = await withRecording(() => getClientDashboard(manager, { clientId: client.id }))
    assert.equal(dashboard.recording.requests.length, 1)
    assert.deepEqual(dashboard.result?.projects[0].roles.map((r) => [r.role, r.allocation, r.practice]), [['Frontend developer', 80, practice]])
    const page = await withRecording(() => getProjectPage(manager, { clientId: client.id, projectId: project.id }))
    assert.equal(page.recording.requests.length, 1)
    assert.equal(page.result?.roles[0].id, role.id)
    assert.equal(page.result?.assignments.length, 0, 'a role is nobody’s assignment')

    const capacity = await withRecording(() => getCapacity(manager))
    assert.equal(capacity.recording.requests.length, 1, '/capacity is one request')
    const weeks = capacity.result.practices.find((entry) => entry.name === practice)?.weeks ?? []
    assert.equal(weeks[0].unfilled, 0, 'nothing this week')
    assert.deepEqual(weeks.slice(1, 9).map((week) => week.unfilled), Array(8).fill(32), '80% of a 40-hour week for 8 weeks')
    assert.equal(weeks[9].unfilled, 0)
    assert.equal(weeks[1].capacity, 0, 'a role brings no capacity')
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('suggestions rank who meets the levels and is free best, with the evidence; assigning turns the role into their assignment', async () => {
    const { practice, client, project, typescript } = await aFirm('Backend')
    const free = await aPerson('Free Skilled', practice)
    const busy = await aPerson('Busy Expert', practice)
    const novice = await aPerson('Free Novice', practice)
    const away = await aPerson('Away Skilled', practice)
    await setSkill(manager, { employeeId: free.id, technologyId: typescript.id, level: 4 })
    await setSkill(manager, { employeeId: busy.id, technologyId: typescript.id, level: 5 })
    await setSkill(manager, { employeeId: novice.id, technologyId: typescript.id, level: 2 })
    await setSkill(manager, { employeeId: away.id, technologyId: typescript.id, level: 4 })
    const other = await aProject(client.id)
    await staffEmployee(manager, { clientId: client.id, projectId: other.id, employeeId: busy.id, role: 'Dev', allocation: 60, startDate: nextMonday, endDate: fridayOfWeek(8) })
    await addTimeOff(manager, { employeeId: away.id, kind: 'vacation', startDate: nextMonday, endDate: fridayOfWeek(2) })
    const role = await createUnfilledRole(manager, {
      clientId: client.id, projectId: project.id, role: 'Frontend developer', practice,
      requirements: [{ technologyId: typescript.id, minLevel: 3 }], allocation: 80, startDate: nextMonday, endDate: fridayOfWeek(8), status: 'confirmed',
    })

    const { result, recording } = await withRecording(() => getRoleSuggestions(manager, { clientId: client.id, projectId: project.id, roleId: role.id }))
    assert.equal(recording.requests.length, 2, 'the role, then one Query per required technology')
    assert.deepEqual(result?.suggestions.map((s) => s.name), ['Free Skilled', 'Away Skilled', 'Busy Expert'], 'the novice is below level 3')
    const best = result!.suggestions[0]
    assert.deepEqual(best.levels.map((l) => [l.technologyName, l.level, l.minLevel, l.meets]), [[typescript.name, 4, 3, true]])
    assert.deepEqual(best.weeks.map((w) => w.free), Array(8).fill(100))
    assert.equal(best.fits, true)
    assert.deepEqual(result!.suggestions[1].weeks.map((w) => w.free), [0, 0, 100, 100, 100, 100, 100, 100], 'two weeks off')
    assert.equal(result!.suggestions[2].pushedOver, 8, 'the busy expert would be over in every week')

    const before = await practiceWeeks(practice)
    const assignment = await assignUnfilledRole(manager, { clientId: client.id, projectId: project.id, roleId: role.id, employeeId: free.id, fillToken: 'click-one-0001' })
    assert.deepEqual([assignment.employeeName, assignment.role, assignment.allocation, assignment.startDate, assignment.endDate], ['Free Skilled', 'Frontend developer', 80, nextMonday, fridayOfWeek(8)])
    const page = await getProjectPage(manager, { clientId: client.id, projectId: project.id })
    assert.deepEqual(page?.roles, [], 'the role is gone')
    assert.deepEqual(page?.assignments.map((a) => a.employeeName), ['Free Skilled'])
    const staffing = await getEmployeeStaffing(manager, { employeeId: free.id })
    assert.deepEqual(staffing?.assignments.map((a) => a.projectId), [project.id], 'the person’s timeline shows the booking')
    const after = await practiceWeeks(practice)
    assert.deepEqual(after.slice(1, 9).map((w) => w.unfilled), Array(8).fill(0), 'unfilled demand drops by the role')
    assert.deepEqual(after.slice(1, 9).map((w, i) => w.confirmed - before[i + 1].confirmed), Array(8).fill(32), 'and the person’s confirmed demand rises by the same')

    const replay = await assignUnfilledRole(manager, { clientId: client.id, projectId: project.id, roleId: role.id, employeeId: free.id, fillToken: 'click-one-0001' })
    assert.equal(replay.id, assignment.id, 'a retried click answers the same assignment')
    await assert.rejects(
      assignUnfilledRole(manager, { clientId: client.id, projectId: project.id, roleId: role.id, employeeId: busy.id, fillToken: 'click-two-0002' }),
      (error: AppError) => error.code === 'conflict:role_gone',
    )
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('two managers assigning at once make one assignment and one clear conflict', async () => {
    const { practice, client, project } = await aFirm('Data')
    const ada = await aPerson('Ada Concurrent', practice)
    const bob = await aPerson('Bob Concurrent', practice)
    const role = await createUnfilledRole(manager, { clientId: client.id, projectId: project.id, role: 'Engineer', practice, requirements: [], allocation: 50, startDate: nextMonday, endDate: fridayOfWeek(4) })
    const results = await Promise.allSettled([
      assignUnfilledRole(manager, { clientId: client.id, projectId: project.id, roleId: role.id, employeeId: ada.id, fillToken: 'manager-a-token' }),
      assignUnfilledRole(manager, { clientId: client.id, projectId: project.id, roleId: role.id, employeeId: bob.id, fillToken: 'manager-b-token' }),
    ])
    const fulfilled = results.filter((r) => r.status === 'fulfilled')
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    assert.equal(fulfilled.length, 1)
    assert.equal(rejected.length, 1)
    assert.match((rejected[0].reason as AppError).code, /^conflict:(role_filled|role_gone|busy)$/)
    const page = await getProjectPage(manager, { clientId: client.id, projectId: project.id })
    assert.equal(page?.assignments.length, 1, 'one assignment')
    assert.deepEqual(page?.roles, [])
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('deleting the project or the client removes its roles and their demand', async () => {
    const { practice, client, project } = await aFirm('Cloud')
    const second = await aProject(client.id)
    await createUnfilledRole(manager, { clientId: client.id, projectId: project.id, role: 'A', practice, allocation: 100, startDate: nextMonday, endDate: fridayOfWeek(2) })
    await createUnfilledRole(manager, { clientId: client.id, projectId: second.id, role: 'B', practice, allocation: 50, startDate: nextMonday, endDate: fridayOfWeek(2) })
    assert.equal((await practiceWeeks(practice))[1].unfilled, 60)
    await deleteProject(manager, { clientId: client.id, projectId: project.id })
    assert.equal((await practiceWeeks(practice))[1].unfilled, 20)
    await deleteClient(manager, { clientId: client.id })
    assert.equal((await practiceWeeks(practice))[1]?.unfilled ?? 0, 0)
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('a change of weekly hours or of practice moves the person’s capacity', async () => {
    const practice = unique('Practice')
    const other = unique('Practice')
    const person = await aPerson('Hours Person', practice)
    assert.equal((await practiceWeeks(practice))[1].capacity, 40)
    const saved = await updateEmployee(manager, { employeeId: person.id, version: person.version, name: person.name, email: person.email, title: person.title, practice, location: person.location, capacityHours: 32 })
    assert.equal((await practiceWeeks(practice))[1].capacity, 32)
    await updateEmployee(manager, { employeeId: person.id, version: saved.version, name: person.name, email: person.email, title: person.title, practice: other, location: person.location, capacityHours: 32 })
    assert.equal((await practiceWeeks(practice))[1]?.capacity ?? 0, 0)
    assert.equal((await practiceWeeks(other))[1].capacity, 32)
  })

  it('digests filled by an older Roster (before capacity) are refreshed once, and capacity then counts everyone', async () => {
    const practice = unique('Practice')
    await aPerson('Upgrade Person', practice)
    await writeOverviewState({ weeks: trackedWeeks(todayIso()), projectsDerivedOn: todayIso() } as never)
    assert.equal(await overviewIsCurrent(), false, 'a state without the digests version is not current')
    await refreshOverview()
    assert.equal(await overviewIsCurrent(), true)
    assert.equal((await getCapacity(manager)).practices.find((entry) => entry.name === practice)?.people, 1)
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('refuses bad input field by field, and employees may not plan roles', async () => {
    const { client, project } = await aFirm('Mobile')
    await assert.rejects(
      createUnfilledRole(manager, { clientId: client.id, projectId: project.id, role: '', practice: '', allocation: 120, startDate: '2027-02-01', endDate: '2027-01-01', requirements: '[{"technologyId":"x","minLevel":9}]' }),
      (error: AppError) => {
        assert.equal(error.code, 'invalid:unfilled role')
        assert.deepEqual(Object.keys(error.fields ?? {}).sort(), ['allocation', 'endDate', 'practice', 'requirements', 'role'])
        return true
      },
    )
    await assert.rejects(
      createUnfilledRole(manager, { clientId: client.id, projectId: project.id, role: 'R', practice: 'P', allocation: 50, startDate: '2027-02-01', endDate: '2027-01-01' }),
      (error: AppError) => error.fields?.endDate?.[0] === 'End date must be on or after the start date',
    )
    await assert.rejects(
      createUnfilledRole(manager, { clientId: client.id, projectId: project.id, role: 'R', practice: 'Quality', allocation: 50, startDate: '2027-02-01', endDate: '2027-03-01' }),
      (error: AppError) => {
        assert.deepEqual(error.fields, { practice: ["Choose one of the firm's practices: Frontend, Backend, Data, Cloud, Mobile, Design, Delivery"] })
        return true
      },
    )
    const role = await createUnfilledRole(manager, { clientId: client.id, projectId: project.id, role: 'R', practice: ' mobile ', allocation: 50, startDate: '2027-02-01', endDate: '2027-03-01' })
    assert.equal(role.practice, 'Mobile', 'stored as the firm spells it')
    await assert.rejects(
      changeUnfilledRole(manager, { clientId: client.id, projectId: project.id, roleId: role.id, version: 1, role: 'R', practice: 'Platform', allocation: 50, startDate: '2027-02-01', endDate: '2027-03-01' }),
      (error: AppError) => error.fields?.practice?.[0]?.startsWith("Choose one of the firm's practices") === true,
    )
    await assert.rejects(deleteUnfilledRole(employeeActor('someone'), { clientId: client.id, projectId: project.id, roleId: role.id }), (error: AppError) => error.code.startsWith('forbidden'))
    await deleteUnfilledRole(manager, { clientId: client.id, projectId: project.id, roleId: role.id })
    assert.deepEqual((await getProjectPage(manager, { clientId: client.id, projectId: project.id }))?.roles, [])
  })
})
