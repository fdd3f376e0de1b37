import 'server-only'
import { AssignmentEntity, ClientEntity, EmailClaimEntity, EmployeeEntity, GetItemCommand, ProjectEntity, QueryCommand, RosterTable, StackEntryEntity, UnfilledRoleEntity, partitions, sortKeys } from './db'
import { AppError, notFound } from './errors'

// The items write paths decide from, read consistently (never from an index, which may lag): the one
// place a domain reads another domain's items.

/** The client, read consistently (write paths decide from it). */
export async function readClient(clientId: string) {
  const { Item } = await ClientEntity.build(GetItemCommand).key({ id: clientId }).options({ consistent: true }).send()
  return Item ?? null
}

/** Projects, assignments and stack entries of a client (or of one project), read consistently. */
export async function readClientEdges(clientId: string, projectId?: string) {
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(ProjectEntity, AssignmentEntity, StackEntryEntity, UnfilledRoleEntity)
    .query({ partition: partitions.client(clientId), range: { beginsWith: projectId ? sortKeys.projectEdges(projectId) : 'PROJECT#' } })
    .options({ consistent: true, maxPages: Infinity, showEntityAttr: true })
    .send()
  return Items
}

/** A project and its assignments, read consistently: one Query (SK from PROJECT#<pid> to PROJECT#<pid>#~). */
export async function readProjectWithAssignments(clientId: string, projectId: string) {
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(ProjectEntity, AssignmentEntity)
    .query({ partition: partitions.client(clientId), range: { between: [sortKeys.project(projectId), `${sortKeys.projectEdges(projectId)}~`] } })
    .options({ consistent: true, maxPages: Infinity, showEntityAttr: true })
    .send()
  const project = Items.find((item) => item.entity === 'Project')
  return {
    project: project?.entity === 'Project' ? project : null,
    assignments: Items.flatMap((item) => (item.entity === 'Assignment' ? [item] : [])),
  }
}

/** The project, read consistently. */
export async function readProject(clientId: string, projectId: string) {
  const { Item } = await ProjectEntity.build(GetItemCommand).key({ clientId, id: projectId }).options({ consistent: true }).send()
  return Item ?? null
}

/** The client if it exists and is not being deleted. */
export async function getLiveClient(clientId: string) {
  const client = await readClient(clientId)
  if (!client || client.deletingAt) throw new AppError('not_found:client', `No client with id "${clientId}".`, { clientId: ['This client no longer exists'] })
  return client
}

/** The project if it exists and is not being deleted (a consistent read: safe on write paths). */
export async function getLiveProject(clientId: string, projectId: string) {
  const project = await readProject(clientId, projectId)
  if (!project || project.deletingAt) throw notFound('project', projectId)
  return project
}

/** The employee, read consistently (write paths decide from it). */
export async function readEmployee(employeeId: string) {
  const { Item } = await EmployeeEntity.build(GetItemCommand).key({ id: employeeId }).options({ consistent: true }).send()
  return Item ?? null
}

/** The employee if they exist and are not being deleted. */
export async function readLiveEmployee(employeeId: string) {
  const employee = await readEmployee(employeeId)
  if (!employee || employee.deletingAt) throw new AppError('not_found:employee', `No employee with id "${employeeId}".`, { employeeId: ['Choose an existing person'] })
  return employee
}

/**
 * The employee whose e-mail this is (how a signed-in user is linked to their record): the claim,
 * checked against the holder so that a claim left by a crash links nobody.
 */
export async function employeeIdForEmail(email: string): Promise<string | undefined> {
  const normalized = email.trim().toLowerCase()
  const { Item: claim } = await EmailClaimEntity.build(GetItemCommand).key({ email: normalized }).options({ consistent: true }).send()
  if (!claim) return undefined
  const { Item: holder } = await EmployeeEntity.build(GetItemCommand).key({ id: claim.employeeId }).options({ consistent: true }).send()
  return holder && holder.email.toLowerCase() === normalized && !holder.deletingAt ? holder.id : undefined
}
