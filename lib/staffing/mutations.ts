import {
  AssignmentEntity,
  DeleteItemCommand,
  EmployeeEntity,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  $remove,
  gsiKeys,
  isConditionalCheckFailed,
  keys,
} from '../db'
import { toAssignmentView, type AssignmentView } from '../dto'
import { AppError, notFound } from '../errors'
import { newId } from '../ids'
import { getLiveProject } from '../projects/mutations'
import { refreshClientSummary, refreshEmployeeSummary } from '../summaries'
import { parseInput } from '../validation'
import {
  assignmentRef,
  changeAssignmentInput,
  staffEmployeeInput,
  type AssignmentRef,
  type ChangeAssignmentInput,
  type StaffEmployeeInput,
} from './schemas'

/** Staffs an employee on a project: one assignment item, seen from both sides through GSI1. */
export async function staffEmployee(input: StaffEmployeeInput): Promise<AssignmentView> {
  const data = parseInput(staffEmployeeInput, input, 'assignment')
  const [project, { Item: employee }] = await Promise.all([
    getLiveProject(data.clientId, data.projectId),
    EmployeeEntity.build(GetItemCommand).key(keys.employee(data.employeeId)).send(),
  ])
  if (!employee) throw new AppError('not_found:employee', `No employee with id "${data.employeeId}".`, { employeeId: ['Choose an existing person'] })
  const id = newId()
  const item = {
    ...keys.assignment(data.clientId, data.projectId, id),
    ...gsiKeys.assignmentByEmployee(data.employeeId, data.startDate, id),
    id,
    clientId: data.clientId,
    clientName: project.clientName,
    projectId: data.projectId,
    projectName: project.name,
    employeeId: employee.id,
    employeeName: employee.name,
    role: data.role,
    allocation: data.allocation,
    startDate: data.startDate,
    endDate: data.endDate,
    status: data.status,
  }
  try {
    await AssignmentEntity.build(PutItemCommand).item(item).options({ condition: { attr: 'PK', exists: false } }).send()
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new AppError('conflict:assignment', 'This assignment already exists. Please try again.')
    throw error
  }
  await Promise.all([refreshClientSummary(data.clientId), refreshEmployeeSummary(data.employeeId)])
  return toAssignmentView({ ...item, createdAt: '', updatedAt: '' })
}

/** Changes role, allocation, dates or status of an assignment (ending one is setting its end date). */
export async function changeAssignment(input: ChangeAssignmentInput): Promise<AssignmentView> {
  const { clientId, projectId, assignmentId, ...data } = parseInput(changeAssignmentInput, input, 'assignment')
  const key = keys.assignment(clientId, projectId, assignmentId)
  const { Item: current } = await AssignmentEntity.build(GetItemCommand).key(key).options({ consistent: true }).send()
  if (!current) throw notFound('assignment', assignmentId)
  let updated
  try {
    ;({ Attributes: updated } = await AssignmentEntity.build(UpdateItemCommand)
      .item({
        ...key,
        ...gsiKeys.assignmentByEmployee(current.employeeId, data.startDate, assignmentId),
        ...data,
        endDate: data.endDate ?? $remove(),
      })
      .options({ condition: { attr: 'PK', exists: true }, returnValues: 'ALL_NEW' })
      .send())
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw notFound('assignment', assignmentId)
    throw error
  }
  await refreshEmployeeSummary(current.employeeId)
  return toAssignmentView(updated!)
}

/** Takes an employee off a project (deletes the one assignment item). */
export async function unstaffEmployee(input: AssignmentRef): Promise<void> {
  const { clientId, projectId, assignmentId } = parseInput(assignmentRef, input, 'assignment')
  let removed
  try {
    ;({ Attributes: removed } = await AssignmentEntity.build(DeleteItemCommand)
      .key(keys.assignment(clientId, projectId, assignmentId))
      .options({ condition: { attr: 'PK', exists: true }, returnValues: 'ALL_OLD' })
      .send())
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw notFound('assignment', assignmentId)
    throw error
  }
  await Promise.all([refreshClientSummary(clientId), removed ? refreshEmployeeSummary(removed.employeeId) : undefined])
}
