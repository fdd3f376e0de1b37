import { z } from 'zod'
import { blankToUndefined, isoDate } from '../validation'

/** The longest period a staffing export covers. */
export const MAX_EXPORT_DAYS = 731

export const staffingExportInput = z
  .object({
    from: z.preprocess(blankToUndefined, isoDate('From').optional()),
    to: z.preprocess(blankToUndefined, isoDate('To').optional()),
  })
  .refine((value) => !value.from || !value.to || value.to >= value.from, { message: 'To must be on or after From', path: ['to'] })
  .refine((value) => !value.from || !value.to || (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000 <= MAX_EXPORT_DAYS, { message: 'At most two years at a time', path: ['to'] })

export const capacityExportInput = z.object({
  practice: z.preprocess(blankToUndefined, z.string().max(120, 'Practice is too long').optional()),
  tentative: z.preprocess(blankToUndefined, z.enum(['count', 'ignore'], { error: 'Tentative must be count or ignore' }).optional()),
})
