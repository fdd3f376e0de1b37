import { keys, queryAllItems, updateEachItem } from './db'
import type { Booking } from './dto'

// Derived figures stored on items so that lists can show them from one Query. Each refresh
// recomputes from the source edges (never increments), so running it twice or late is harmless.

/** projectCount and staffedCount (distinct people) on the client item. */
export async function refreshClientSummary(clientId: string): Promise<void> {
  const items = await queryAllItems({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.clientPartition(clientId) },
    ProjectionExpression: '#type, employeeId, deletingAt',
    ExpressionAttributeNames: { '#type': '_type' },
  })
  const projectCount = items.filter((item) => item._type === 'Project' && !item.deletingAt).length
  const staffed = new Set(items.filter((item) => item._type === 'Assignment').map((item) => item.employeeId as string))
  await updateEachItem([keys.client(clientId)], { projectCount, staffedCount: staffed.size })
}

/** bookings and skillIds on the employee item, and the bookings copy on each of their skills. */
export async function refreshEmployeeSummary(employeeId: string): Promise<void> {
  const items = await queryAllItems({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.employeePartition(employeeId) },
  })
  const bookings: Booking[] = items
    .filter((item) => item._type === 'Assignment')
    .map((item) => ({
      projectId: item.projectId as string,
      start: item.startDate as string,
      end: (item.endDate as string | undefined) ?? null,
      allocation: item.allocation as number,
      tentative: item.status === 'tentative',
    }))
  const stored = bookings.map(({ end, ...booking }) => (end ? { ...booking, end } : booking))
  const skills = items.filter((item) => item._type === 'Skill')
  await updateEachItem([keys.employee(employeeId)], { bookings: stored, skillIds: skills.map((skill) => skill.technologyId as string) })
  await updateEachItem(
    skills.map((skill) => ({ PK: skill.PK as string, SK: skill.SK as string })),
    { employeeBookings: stored },
  )
}

/** projectCount and peopleCount on the technology item. */
export async function refreshTechnologySummary(technologyId: string): Promise<void> {
  const items = await queryAllItems({
    IndexName: 'GSI2',
    KeyConditionExpression: 'GSI2PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.technologyPartition(technologyId) },
    ProjectionExpression: '#type',
    ExpressionAttributeNames: { '#type': '_type' },
  })
  await updateEachItem([keys.technology(technologyId)], {
    projectCount: items.filter((item) => item._type === 'StackEntry').length,
    peopleCount: items.filter((item) => item._type === 'Skill').length,
  })
}

export async function refreshSummaries(ids: { clientIds?: Iterable<string>; employeeIds?: Iterable<string>; technologyIds?: Iterable<string> }) {
  await Promise.all([
    ...[...new Set(ids.clientIds ?? [])].map(refreshClientSummary),
    ...[...new Set(ids.employeeIds ?? [])].map(refreshEmployeeSummary),
    ...[...new Set(ids.technologyIds ?? [])].map(refreshTechnologySummary),
  ])
}
