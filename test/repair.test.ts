import assert from 'node:assert/strict'
import { it } from 'node:test'
import { PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject, aTechnology, anEmployee } from './helpers/fixtures'
import { getDb } from '../lib/db/client'
import { auditDerivedData } from '../lib/upkeep/audit'
import { needsRepair, repairDerivedData } from '../lib/upkeep/repair'
import { getEmployeeStaffing } from '../lib/employees/queries'
import { setSkill } from '../lib/employees/mutations'
import { listAllJobs } from '../lib/jobs/runner'
import { sweepJobs } from '../job-registry'
import { staffEmployee } from '../lib/staffing/mutations'
import { getClientDashboard } from '../lib/clients/queries'
import { seedSizes } from '../lib/seed/demo-data'
import { loadDemoData } from '../lib/seed/load'
import { refreshOverview } from '../lib/upkeep/refresh-overview'
import { getTechnologyPage } from '../lib/technologies/queries'
import { listPlannerPeople } from '../lib/planner/queries'
import { manager } from './helpers/actors'

useTestDatabase()

it('the demo seed is what the writes would have made: the audit finds nothing', async () => {
  await loadDemoData(seedSizes.demo, { seed: 42, anchor: '2026-11-23' })
  // As `npm start` and `db:seed` do: the overview is filled from the seeded people and projects.
  await refreshOverview()
  const { problems, items } = await auditDerivedData()
  assert.deepEqual(problems, [])
  assert.ok(items > 1000, `${items} items`)
})

it('data written by an older Roster (bookings as a list, no versions, one job partition) is rebuilt and its jobs resumed', async () => {
  const client = await aClient()
  const project = await aProject(client.id)
  const doomed = await aClient()
  const person = await anEmployee()
  const technology = await aTechnology()
  await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 3 })
  await staffEmployee(manager, { clientId: client.id, projectId: project.id, employeeId: person.id, role: 'Dev', allocation: 70, startDate: '2026-12-07' })
  assert.equal(await needsRepair(), false)

  // Turn the table into what the previous release stored.
  const { documentClient, config } = getDb()
  const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: config.tableName }))
  for (const item of Items) {
    if (item._type === 'Employee') {
      await documentClient.send(new UpdateCommand({ TableName: config.tableName, Key: { PK: item.PK, SK: item.SK }, UpdateExpression: 'SET bookings = :list REMOVE skills, version, aggRev', ExpressionAttributeValues: { ':list': [{ projectId: project.id, start: '2026-12-07', allocation: 70, tentative: false }] } }))
    }
    if (item._type === 'Client') {
      await documentClient.send(new UpdateCommand({ TableName: config.tableName, Key: { PK: item.PK, SK: item.SK }, UpdateExpression: 'REMOVE projectIds, staffing, version' }))
    }
  }
  await documentClient.send(new UpdateCommand({ TableName: config.tableName, Key: { PK: `CLIENT#${doomed.id}`, SK: 'CLIENT' }, UpdateExpression: 'SET deletingAt = :now, GSI3PK = :moved', ExpressionAttributeValues: { ':now': new Date().toISOString(), ':moved': 'DELETING#CLIENTS' } }))
  await documentClient.send(new PutCommand({ TableName: config.tableName, Item: { PK: 'JOB', SK: `delete-client#${doomed.id}`, _type: 'Job', kind: 'delete-client', targetId: doomed.id, employeeIds: [], technologyIds: [], clientIds: [] } }))
  assert.equal(await needsRepair(), true)
  assert.ok((await auditDerivedData()).problems.length > 0)

  await repairDerivedData()
  await sweepJobs({ log: () => undefined })
  assert.equal(await needsRepair(), false)
  assert.deepEqual((await auditDerivedData()).problems, [])
  assert.deepEqual(await listAllJobs(), [])
  assert.deepEqual((await getEmployeeStaffing(manager, { employeeId: person.id }))!.employee.bookings.map((b) => b.allocation), [70])
  assert.equal((await getClientDashboard(manager, { clientId: client.id }))!.client.staffedCount, 1)
  assert.equal(await getClientDashboard(manager, { clientId: doomed.id }), null)
})

it('index keys written by the release before the planner are rewritten: technology and planner pages find their items again', async () => {
  const person = await anEmployee()
  const technology = await aTechnology()
  await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 4 })
  // The previous release's keys: the technology first in its partition, skills by person, people in the
  // firm partition and not in the planner's indexes.
  const { documentClient, config } = getDb()
  await documentClient.send(new UpdateCommand({ TableName: config.tableName, Key: { PK: `TECH#${technology.id}`, SK: 'TECH' }, UpdateExpression: 'SET GSI2SK = :old', ExpressionAttributeValues: { ':old': '#TECH' } }))
  await documentClient.send(new UpdateCommand({ TableName: config.tableName, Key: { PK: `EMP#${person.id}`, SK: `SKILL#${technology.id}` }, UpdateExpression: 'SET GSI2SK = :old REMOVE employeePractice', ExpressionAttributeValues: { ':old': `SKILL#${person.id}` } }))
  await documentClient.send(new UpdateCommand({ TableName: config.tableName, Key: { PK: `EMP#${person.id}`, SK: 'EMP' }, UpdateExpression: 'SET GSI4PK = :firm, GSI4SK = :sk REMOVE GSI5PK, GSI5SK, GSI6PK, GSI6SK', ExpressionAttributeValues: { ':firm': 'FIRM', ':sk': `EMP#${person.id}` } }))
  assert.equal(await getTechnologyPage(manager, { technologyId: technology.id }), null, 'the old key order hides the technology from its page')

  await repairDerivedData()
  assert.equal(await needsRepair(), false)
  assert.deepEqual((await getTechnologyPage(manager, { technologyId: technology.id }))?.people.map((p) => [p.employeeId, p.level]), [[person.id, 4]])
  assert.ok((await listPlannerPeople(manager, { practice: 'Backend', limit: 100 })).people.some((p) => p.id === person.id))
  assert.deepEqual((await auditDerivedData()).problems, [])
})
