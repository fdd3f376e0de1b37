import { z } from 'zod'
import { practiceNames } from '../employees/practices'
import { allocationPercent, assignmentStatus } from '../staffing/schemas'
import { entityId, expectedVersion, idempotencyKey, isoDate, requiredText } from '../validation'

/** At most this many required technologies: each is one Query when suggesting people. */
export const MAX_REQUIREMENTS = 5

const requirement = z.object({
  technologyId: entityId('Technology'),
  minLevel: z.coerce
    .number({ error: 'Minimum level must be a number' })
    .int('Minimum level must be a whole number')
    .min(1, 'Minimum level must be between 1 and 5')
    .max(5, 'Minimum level must be between 1 and 5'),
})

// Forms send the requirements as JSON in one field (the editor builds the list); the API sends an array.
const requirementList = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value ?? []
    if (value.trim() === '') return []
    try {
      return JSON.parse(value)
    } catch {
      return value
    }
  },
  z
    .array(requirement, { error: 'Required technologies must be a list' })
    .max(MAX_REQUIREMENTS, `At most ${MAX_REQUIREMENTS} required technologies`)
    .refine((list) => new Set(list.map((item) => item.technologyId)).size === list.length, 'Each technology may be listed once'),
)

// A role's practice is one of the firm's (its capacity and the planner's groups are per practice);
// any case is accepted and stored as the list spells it.
const knownPractice = (value: string) => practiceNames.find((name) => name.toLowerCase() === value.toLowerCase())
const rolePractice = requiredText('Practice', 60)
  .refine((value) => knownPractice(value) !== undefined, `Choose one of the firm's practices: ${practiceNames.join(', ')}`)
  .transform((value) => knownPractice(value) ?? value)

const roleShape = {
  role: requiredText('Role', 80),
  practice: rolePractice,
  requirements: requirementList,
  allocation: allocationPercent,
  startDate: isoDate('Start date'),
  endDate: isoDate('End date'),
  status: assignmentStatus,
}

const endNotBeforeStart = (value: { startDate: string; endDate: string }) => value.endDate >= value.startDate
const endRule = { message: 'End date must be on or after the start date', path: ['endDate'] }

export const createUnfilledRoleInput = z
  .object({ clientId: entityId('Client'), projectId: entityId('Project'), idempotencyKey, ...roleShape })
  .refine(endNotBeforeStart, endRule)
export type CreateUnfilledRoleInput = z.input<typeof createUnfilledRoleInput>

export const changeUnfilledRoleInput = z
  .object({ clientId: entityId('Client'), projectId: entityId('Project'), roleId: entityId('Role'), version: expectedVersion, ...roleShape })
  .refine(endNotBeforeStart, endRule)

export const unfilledRoleRef = z.object({ clientId: entityId('Client'), projectId: entityId('Project'), roleId: entityId('Role') })
export type UnfilledRoleRef = z.output<typeof unfilledRoleRef>

/** "Assign": the person, and the token of the page that offered them (a retry of the same click is the same token). */
export const assignUnfilledRoleInput = unfilledRoleRef.extend({
  employeeId: entityId('Employee'),
  fillToken: z
    .string({ error: 'Reload the page and try again' })
    .regex(/^[A-Za-z0-9_-]{8,100}$/, 'Reload the page and try again'),
})
