import { z } from 'zod'
import { blankToUndefined } from '../validation'

export const listQueryInput = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100, 'Search must be at most 100 characters').optional()),
  cursor: z.preprocess(blankToUndefined, z.string().max(2048, 'Cursor is too long').optional()),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'Limit must be a number' }).int('Limit must be a whole number').min(1, 'Limit must be between 1 and 100').max(100, 'Limit must be between 1 and 100').default(25),
  ),
})
export type ListQueryInput = z.input<typeof listQueryInput>

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}
