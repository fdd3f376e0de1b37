import { z } from 'zod'
import { blankToUndefined, entityId, expectedVersion, idempotencyKey, requiredText } from '../validation'

import { technologyCategories } from '../db/entities/enums'

export { technologyCategories }

export const createTechnologyInput = z.object({
  // Optional: derived from the name (e.g. "Node.js" -> node-js) when not given.
  id: z.preprocess(blankToUndefined, entityId('Id').optional()),
  name: requiredText('Name', 60),
  category: z.enum(technologyCategories, { error: `Category must be one of ${technologyCategories.join(', ')}` }).default('other'),
  idempotencyKey,
})
export type CreateTechnologyInput = z.input<typeof createTechnologyInput>

export const updateTechnologyInput = z.object({
  technologyId: entityId('Technology'),
  version: expectedVersion,
  name: requiredText('Name', 60),
  category: z.enum(technologyCategories, { error: `Category must be one of ${technologyCategories.join(', ')}` }),
})
export type UpdateTechnologyInput = z.input<typeof updateTechnologyInput>

export const deleteTechnologyInput = z.object({ technologyId: entityId('Technology') })
export type DeleteTechnologyInput = z.input<typeof deleteTechnologyInput>

export const technologyListInput = z.object({
  q: z.string().max(100, 'Search must be at most 100 characters').optional(),
  cursor: z.string().max(2000, 'Not a valid page cursor').optional(),
  limit: z.string().max(4, 'Limit must be a number from 1 to 100').optional(),
  category: z.preprocess((value) => (value === '' || value === 'all' ? undefined : value), z.enum(technologyCategories, { error: `Category must be one of ${technologyCategories.join(', ')}` }).optional()),
})
