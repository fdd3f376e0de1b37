import { z } from 'zod'
import { entityId, expectedVersion, idempotencyKey, requiredText } from '../validation'

import { clientStatuses } from '../db/entities/enums'

export { clientStatuses }

export const clientFields = {
  name: requiredText('Name'),
  industry: requiredText('Industry', 80),
  contactEmail: z.email({ error: 'Contact email must be an email address' }).trim().max(254, 'Contact email is too long'),
  status: z.enum(clientStatuses, { error: 'Status must be active or archived' }).default('active'),
}

export const createClientInput = z.object({ ...clientFields, idempotencyKey })
export type CreateClientInput = z.input<typeof createClientInput>

export const updateClientInput = z.object({
  clientId: entityId('Client'),
  version: expectedVersion,
  ...clientFields,
})
export type UpdateClientInput = z.input<typeof updateClientInput>

export const deleteClientInput = z.object({ clientId: entityId('Client') })
export type DeleteClientInput = z.input<typeof deleteClientInput>

export const clientListInput = z.object({
  q: z.string().max(100, 'Search must be at most 100 characters').optional(),
  cursor: z.string().max(2000, 'Not a valid page cursor').optional(),
  limit: z.string().max(4, 'Limit must be a number from 1 to 100').optional(),
  status: z.preprocess((value) => (value === '' || value === 'all' ? undefined : value), z.enum(clientStatuses, { error: 'Status must be active or archived' }).optional()),
})
