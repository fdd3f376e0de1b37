import { z } from 'zod'
import { timeOffKinds } from '../db/entities/enums'
import { entityId, expectedVersion, idempotencyKey, isoDate, moneyAmount, requiredText } from '../validation'

const employeeShape = {
  name: requiredText('Name'),
  email: z.email({ error: 'Email must be an email address' }).trim().toLowerCase().max(254, 'Email is too long'),
  title: requiredText('Title', 80),
  practice: requiredText('Practice', 60),
  location: requiredText('Location', 80),
  capacityHours: z.coerce
    .number({ error: 'Weekly capacity must be a number' })
    .int('Weekly capacity must be whole hours')
    .min(1, 'Weekly capacity must be between 1 and 80 hours')
    .max(80, 'Weekly capacity must be between 1 and 80 hours')
    .default(40),
  /** What an hour of this person costs the firm. */
  costRate: moneyAmount('Cost rate', 100_000),
}

export const createEmployeeInput = z.object({ ...employeeShape, idempotencyKey })
export type CreateEmployeeInput = z.input<typeof createEmployeeInput>

export const updateEmployeeInput = z.object({ employeeId: entityId('Employee'), version: expectedVersion, ...employeeShape })
export type UpdateEmployeeInput = z.input<typeof updateEmployeeInput>

export const deleteEmployeeInput = z.object({ employeeId: entityId('Employee') })
export type DeleteEmployeeInput = z.input<typeof deleteEmployeeInput>

export const skillInput = z.object({
  employeeId: entityId('Employee'),
  technologyId: entityId('Technology'),
  level: z.coerce
    .number({ error: 'Level must be a number' })
    .int('Level must be a whole number')
    .min(1, 'Level must be between 1 and 5')
    .max(5, 'Level must be between 1 and 5'),
})
export type SkillInput = z.input<typeof skillInput>

export const removeSkillInput = skillInput.pick({ employeeId: true, technologyId: true })

export const timeOffInput = z
  .object({
    employeeId: entityId('Employee'),
    kind: z.enum(timeOffKinds, { error: 'Kind must be vacation, sick or other' }).default('vacation'),
    startDate: isoDate('Start date'),
    endDate: isoDate('End date'),
    note: z.string().trim().max(200, 'Note must be at most 200 characters').default(''),
    idempotencyKey,
  })
  .refine((value) => value.endDate >= value.startDate, { message: 'End date must be on or after the start date', path: ['endDate'] })
  .refine((value) => Date.parse(value.endDate) - Date.parse(value.startDate) <= 366 * 86_400_000, { message: 'At most a year at a time', path: ['endDate'] })
export type TimeOffInput = z.input<typeof timeOffInput>

export const removeTimeOffInput = z.object({ employeeId: entityId('Employee'), timeOffId: entityId('Time off') })
