import { z } from 'zod'
import { blankToUndefined, entityId, expectedVersion, idempotencyKey, isoDate, optionalIsoDate, requiredText } from '../validation'

import { projectStatuses } from '../db/entities/enums'

export { projectStatuses }

const projectShape = {
  name: requiredText('Name'),
  description: z.string().trim().max(2000, 'Description must be at most 2000 characters').default(''),
  status: z.enum(projectStatuses, { error: 'Status must be proposed, active, on-hold or completed' }).default('proposed'),
  startDate: isoDate('Start date'),
  endDate: optionalIsoDate('End date'),
  budget: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'Budget must be a number' }).min(0, 'Budget cannot be negative').max(1e12, 'Budget is too large').optional(),
  ),
}

const endNotBeforeStart = (value: { startDate: string; endDate?: string }) => !value.endDate || value.endDate >= value.startDate
const endRule = { message: 'End date must be on or after the start date', path: ['endDate'] }

export const createProjectInput = z.object({ clientId: entityId('Client'), idempotencyKey, ...projectShape }).refine(endNotBeforeStart, endRule)
export type CreateProjectInput = z.input<typeof createProjectInput>

export const updateProjectInput = z
  .object({ clientId: entityId('Client'), projectId: entityId('Project'), version: expectedVersion, ...projectShape })
  .refine(endNotBeforeStart, endRule)
export type UpdateProjectInput = z.input<typeof updateProjectInput>

export const deleteProjectInput = z.object({ clientId: entityId('Client'), projectId: entityId('Project') })
export type DeleteProjectInput = z.input<typeof deleteProjectInput>

export const stackEntryInput = z.object({
  clientId: entityId('Client'),
  projectId: entityId('Project'),
  technologyId: entityId('Technology'),
  note: z.string().trim().max(200, 'Note must be at most 200 characters').default(''),
})
export type StackEntryInput = z.input<typeof stackEntryInput>

export const removeStackEntryInput = stackEntryInput.pick({ clientId: true, projectId: true, technologyId: true })

/** The note on a stack entry, such as the version in use ("v5", "17 LTS"). */
export const stackNoteInput = stackEntryInput.pick({ clientId: true, projectId: true, technologyId: true, note: true })
