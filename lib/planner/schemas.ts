import { z } from 'zod'
import { blankToUndefined, entityId, isoDate } from '../validation'

export const plannerZooms = ['weeks', 'months'] as const
export type PlannerZoom = (typeof plannerZooms)[number]

/** What the cells say: percent of the period booked, or hours. */
export const plannerUnits = ['percent', 'hours'] as const
export type PlannerUnit = (typeof plannerUnits)[number]

const optionalText = (label: string, max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, `${label} must be at most ${max} characters`).optional())
const optionalWhole = (label: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${label} must be a number` })
      .int(`${label} must be a whole number`)
      .min(min, `${label} must be between ${min} and ${max}`)
      .max(max, `${label} must be between ${min} and ${max}`)
      .optional(),
  )

/** Which people the planner reads: every filter but availability is a key condition (lib/planner/queries.ts). */
export const plannerPeopleInput = z
  .object({
    practice: optionalText('Practice', 60),
    location: optionalText('Location', 80),
    technologyId: z.preprocess(blankToUndefined, entityId('Technology').optional()),
    minLevel: optionalWhole('Minimum level', 1, 5),
    // "Free at least X% from D for N weeks": computed from each person's bookings and time off.
    freeAtLeast: optionalWhole('Free at least', 1, 100),
    freeFrom: z.preprocess(blankToUndefined, isoDate('Free from').optional()),
    freeWeeks: optionalWhole('For weeks', 1, 52),
    tentative: z.preprocess(blankToUndefined, z.enum(['count', 'ignore'], { error: 'Tentative must be count or ignore' }).default('count')),
    cursor: z.preprocess(blankToUndefined, z.string().max(2048, 'Cursor is too long').optional()),
    limit: optionalWhole('Limit', 1, 100),
  })
  .refine((value) => !value.minLevel || value.technologyId, { message: 'Choose a technology for a minimum level', path: ['minLevel'] })
  .refine((value) => value.freeAtLeast || (!value.freeFrom && !value.freeWeeks), { message: 'Say how free (in %) the people must be', path: ['freeAtLeast'] })
export type PlannerPeopleInput = z.input<typeof plannerPeopleInput>
export type PlannerFilters = z.output<typeof plannerPeopleInput>
