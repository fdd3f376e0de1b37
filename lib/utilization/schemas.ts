import { z } from 'zod'
import { optionalIsoDate } from '../validation'

export const utilizationPeriods = ['this-month', 'next-month', 'next-quarter', 'next-26-weeks', 'custom'] as const
export type UtilizationPeriod = (typeof utilizationPeriods)[number]

export const periodLabels: Record<UtilizationPeriod, string> = {
  'this-month': 'This month',
  'next-month': 'Next month',
  'next-quarter': 'Next quarter',
  'next-26-weeks': 'Next 26 weeks',
  custom: 'Chosen dates',
}

/** `/utilization` and its CSV: which period, in weeks or months, of the firm or one practice (its key), tentative work in or out. */
export const utilizationInput = z
  .object({
    period: z.enum(utilizationPeriods, { error: 'Period must be this month, next month, next quarter, next 26 weeks or chosen dates' }).default('next-month'),
    from: optionalIsoDate('From'),
    to: optionalIsoDate('To'),
    grain: z.enum(['week', 'month'], { error: 'Show by week or by month' }).default('week'),
    practice: z.string().trim().max(120, 'Practice is too long').optional(),
    tentative: z.enum(['include', 'ignore'], { error: 'Tentative must be include or ignore' }).default('include'),
  })
  .refine((value) => value.period !== 'custom' || (value.from && value.to), { message: 'Choose both dates', path: ['from'] })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: 'To must be on or after From', path: ['to'] })
  .refine((value) => !value.from || !value.to || Date.parse(value.to) - Date.parse(value.from) <= 366 * 86_400_000, { message: 'Choose at most a year', path: ['to'] })
export type UtilizationInput = z.input<typeof utilizationInput>

/** The people view: one practice (required), a page of 50 from `cursor`. */
export const utilizationPeopleInput = utilizationInput.and(
  z.object({
    practice: z.string({ error: 'Choose a practice' }).trim().min(1, 'Choose a practice').max(120, 'Practice is too long'),
    cursor: z.string().max(2000, 'Cursor is too long').optional(),
  }),
)
