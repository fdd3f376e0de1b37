import {
  DeleteItemCommand,
  EmailClaimEntity,
  FIRM_PARTITION,
  EmployeeEntity,
  GetItemCommand,
  PutItemCommand,
  SkillEntity,
  TechnologyEntity,
  UpdateItemCommand,
  batchDeleteKeys,
  gsiKeys,
  isConditionalCheckFailed,
  keys,
  listPartitions,
  nameSortKey,
  queryAllItems,
  updateEachItem,
  itemKeyOf,
} from '../db'
import { toEmployeeSummary, toSkillView, type EmployeeSummary, type SkillView } from '../dto'
import { AppError, notFound } from '../errors'
import { newId } from '../ids'
import { finishJob, rememberJobImpact, startJob } from '../jobs'
import { refreshEmployeeSummary, refreshSummaries, refreshTechnologySummary } from '../summaries'
import { parseInput } from '../validation'
import {
  createEmployeeInput,
  removeSkillInput,
  skillInput,
  updateEmployeeInput,
  type CreateEmployeeInput,
  type SkillInput,
  type UpdateEmployeeInput,
} from './schemas'

const emailTaken = () => new AppError('conflict:employee_email', 'Another employee already has this email.', { email: ['Another employee already has this email'] })

/**
 * Claims an e-mail for an employee with a conditional put. A claim left behind by a crash (its
 * employee gone or now using another address) is taken over, conditionally on it being unchanged.
 */
async function claimEmail(email: string, employeeId: string): Promise<void> {
  const claimKey = keys.emailClaim(email)
  try {
    await EmailClaimEntity.build(PutItemCommand)
      .item({ ...claimKey, email, employeeId })
      .options({ condition: { or: [{ attr: 'PK', exists: false }, { attr: 'employeeId', eq: employeeId }] } })
      .send()
    return
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error
  }
  const { Item: claim } = await EmailClaimEntity.build(GetItemCommand).key(claimKey).options({ consistent: true }).send()
  if (!claim) return claimEmail(email, employeeId)
  const { Item: holder } = await EmployeeEntity.build(GetItemCommand).key(keys.employee(claim.employeeId)).options({ consistent: true }).send()
  if (holder && holder.email === email) throw emailTaken()
  try {
    await EmailClaimEntity.build(PutItemCommand)
      .item({ ...claimKey, email, employeeId })
      .options({ condition: { attr: 'employeeId', eq: claim.employeeId } })
      .send()
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw emailTaken()
    throw error
  }
}

async function releaseEmail(email: string, employeeId: string): Promise<void> {
  try {
    await EmailClaimEntity.build(DeleteItemCommand)
      .key(keys.emailClaim(email))
      .options({ condition: { attr: 'employeeId', eq: employeeId } })
      .send()
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error
  }
}

export async function createEmployee(input: CreateEmployeeInput): Promise<EmployeeSummary> {
  const data = parseInput(createEmployeeInput, input, 'employee')
  const id = newId()
  await claimEmail(data.email, id)
  const item = {
    ...keys.employee(id),
    ...gsiKeys.employeeSelf(id),
    ...gsiKeys.firmEmployee(id),
    ...gsiKeys.listEntry(listPartitions.employees, nameSortKey(data.name, id)),
    id,
    ...data,
    bookings: [],
    skillIds: [],
  }
  try {
    await EmployeeEntity.build(PutItemCommand).item(item).options({ condition: { attr: 'PK', exists: false } }).send()
  } catch (error) {
    await releaseEmail(data.email, id)
    if (isConditionalCheckFailed(error)) throw new AppError('conflict:employee', 'An employee with this id already exists. Please try again.')
    throw error
  }
  return toEmployeeSummary({ ...item, createdAt: '', updatedAt: '' })
}

/** Updates the employee; a new name reaches their assignments and skills before it returns. */
export async function updateEmployee(input: UpdateEmployeeInput): Promise<EmployeeSummary> {
  const { employeeId, ...data } = parseInput(updateEmployeeInput, input, 'employee')
  const { Item: current } = await EmployeeEntity.build(GetItemCommand).key(keys.employee(employeeId)).options({ consistent: true }).send()
  if (!current) throw notFound('employee', employeeId)
  const emailChanged = current.email !== data.email
  if (emailChanged) await claimEmail(data.email, employeeId)
  const renamed = current.name !== data.name
  if (renamed) await startJob('rename-employee', employeeId)
  let updated
  try {
    ;({ Attributes: updated } = await EmployeeEntity.build(UpdateItemCommand)
      .item({ ...keys.employee(employeeId), ...data, GSI3SK: nameSortKey(data.name, employeeId) })
      .options({ condition: { attr: 'PK', exists: true }, returnValues: 'ALL_NEW' })
      .send())
  } catch (error) {
    if (emailChanged) await releaseEmail(data.email, employeeId)
    if (isConditionalCheckFailed(error)) throw notFound('employee', employeeId)
    throw error
  }
  if (emailChanged) await releaseEmail(current.email, employeeId)
  if (renamed) {
    await propagateEmployeeName(employeeId)
    await finishJob('rename-employee', employeeId)
  }
  return toEmployeeSummary(updated!)
}

/** Copies the employee's current name onto their assignments and skills. Idempotent. */
export async function propagateEmployeeName(employeeId: string): Promise<void> {
  const { Item: employee } = await EmployeeEntity.build(GetItemCommand).key(keys.employee(employeeId)).options({ consistent: true }).send()
  if (!employee) return
  const edges = (await employeeEdges(employeeId)).filter((item) => item._type !== 'Employee')
  await updateEachItem(edges.map(itemKeyOf), { employeeName: employee.name })
}

function employeeEdges(employeeId: string) {
  return queryAllItems({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.employeePartition(employeeId) },
  })
}

/** Deletes the employee with their assignments and skills; resumable (job, sweep, refresh). */
export async function deleteEmployee({ employeeId }: { employeeId: string }): Promise<{ assignments: number; skills: number }> {
  const { Item: employee } = await EmployeeEntity.build(GetItemCommand).key(keys.employee(employeeId)).options({ consistent: true }).send()
  if (!employee) {
    await finishJob('delete-employee', employeeId)
    throw notFound('employee', employeeId)
  }
  await startJob('delete-employee', employeeId)
  // Off the employee list and the firm overview at once.
  await updateEachItem([keys.employee(employeeId)], { GSI3PK: `DELETING#${listPartitions.employees}`, GSI4PK: `DELETING#${FIRM_PARTITION}` })
  const edges = (await employeeEdges(employeeId)).filter((item) => item._type !== 'Employee')
  const impact = await rememberJobImpact('delete-employee', employeeId, {
    clientIds: edges.filter((e) => e._type === 'Assignment').map((e) => e.clientId as string),
    technologyIds: edges.filter((e) => e._type === 'Skill').map((e) => e.technologyId as string),
  })
  await batchDeleteKeys(edges.map(itemKeyOf))
  await refreshSummaries(impact)
  await batchDeleteKeys([keys.employee(employeeId)])
  await releaseEmail(employee.email, employeeId)
  await finishJob('delete-employee', employeeId)
  return { assignments: edges.filter((e) => e._type === 'Assignment').length, skills: edges.filter((e) => e._type === 'Skill').length }
}

/** Adds a skill or changes its level (a put: the skill item is keyed by employee and technology). */
export async function setSkill(input: SkillInput): Promise<SkillView> {
  const data = parseInput(skillInput, input, 'skill')
  const [{ Item: employee }, { Item: technology }] = await Promise.all([
    EmployeeEntity.build(GetItemCommand).key(keys.employee(data.employeeId)).send(),
    TechnologyEntity.build(GetItemCommand).key(keys.technology(data.technologyId)).send(),
  ])
  if (!employee) throw notFound('employee', data.employeeId)
  if (!technology) throw new AppError('not_found:technology', `No technology with id "${data.technologyId}".`, { technologyId: ['Choose an existing technology'] })
  const item = {
    ...keys.skill(employee.id, technology.id),
    ...gsiKeys.skillByEmployee(employee.id, technology.id),
    ...gsiKeys.skillByTechnology(technology.id, employee.id),
    employeeId: employee.id,
    employeeName: employee.name,
    technologyId: technology.id,
    technologyName: technology.name,
    level: data.level,
    employeeBookings: employee.bookings,
  }
  await SkillEntity.build(PutItemCommand).item(item).send()
  await Promise.all([refreshEmployeeSummary(employee.id), refreshTechnologySummary(technology.id)])
  return toSkillView({ ...item, createdAt: '', updatedAt: '' })
}

export async function removeSkill(input: { employeeId: string; technologyId: string }): Promise<void> {
  const data = parseInput(removeSkillInput, input, 'skill')
  try {
    await SkillEntity.build(DeleteItemCommand)
      .key(keys.skill(data.employeeId, data.technologyId))
      .options({ condition: { attr: 'PK', exists: true } })
      .send()
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw notFound('skill', data.technologyId)
    throw error
  }
  await Promise.all([refreshEmployeeSummary(data.employeeId), refreshTechnologySummary(data.technologyId)])
}
