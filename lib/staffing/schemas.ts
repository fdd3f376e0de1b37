import { z } from 'zod'
import { entityId, expectedVersion, idempotencyKey, isoDate, moneyAmount, optionalIsoDate, requiredText } from '../validation'

import { assignmentStatuses } from '../db/entities/enums'

export { assignmentStatuses }

/** The status choices forms offer, confirmed first (the default). */
export const assignmentStatusOptions = [
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'tentative', label: 'Tentative' },
] as const satisfies readonly { value: (typeof assignmentStatuses)[number]; label: string }[]

/** A share of someone's week (assignments and unfilled roles alike). */
export const allocationPercent = z.coerce
  .number({ error: 'Allocation must be a number' })
  .int('Allocation must be a whole number')
  .min(1, 'Allocation must be between 1 and 100')
  .max(100, 'Allocation must be between 1 and 100')

export const assignmentStatus = z.enum(assignmentStatuses, { error: 'Status must be tentative or confirmed' }).default('confirmed')

const assignmentShape = {
  role: requiredText('Role', 80),
  allocation: allocationPercent,
  startDate: isoDate('Start date'),
  endDate: optionalIsoDate('End date'),
  status: assignmentStatus,
  /** This assignment's own charge-out rate per hour, over the project's and the firm's (managers only). */
  rateOverride: moneyAmount('Rate', 100_000),
}

const endNotBeforeStart = (value: { startDate: string; endDate?: string }) => !value.endDate || value.endDate >= value.startDate
const endRule = { message: 'End date must be on or after the start date', path: ['endDate'] }

export const staffEmployeeInput = z
  .object({ clientId: entityId('Client'), projectId: entityId('Project'), employeeId: entityId('Employee'), idempotencyKey, ...assignmentShape })
  .refine(endNotBeforeStart, endRule)
export type StaffEmployeeInput = z.input<typeof staffEmployeeInput>

export const changeAssignmentInput = z
  .object({ clientId: entityId('Client'), projectId: entityId('Project'), assignmentId: entityId('Assignment'), version: expectedVersion, ...assignmentShape })
  .refine(endNotBeforeStart, endRule)
export type ChangeAssignmentInput = z.input<typeof changeAssignmentInput>

export const assignmentRef = z.object({
  clientId: entityId('Client'),
  projectId: entityId('Project'),
  assignmentId: entityId('Assignment'),
})
export type AssignmentRef = z.input<typeof assignmentRef>
