import { z } from 'zod'
import { AppError, type FieldErrors } from './errors'

// Shared field rules. Form fields arrive as strings: blanks become undefined before validation.
export const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

export const requiredText = (label: string, max = 120) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)

export const isoDate = (label: string) =>
  z.iso.date({ error: `${label} must be a date (YYYY-MM-DD)` })

export const optionalIsoDate = (label: string) => z.preprocess(blankToUndefined, isoDate(label).optional())

export const entityId = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(64, `${label} is too long`)
    .regex(/^($|[a-z0-9][a-z0-9-]*$)/, `${label} is not a valid id`)

const idShape = entityId('Id')

/** True for a string shaped like a Roster id; reads answer "not found" for anything else before it reaches a key. */
export function isEntityId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && idShape.safeParse(value).success
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const flattened = z.flattenError(error)
  // zod types the flattened errors per field of the schema; any schema's errors are lists of messages by field.
  const fields: FieldErrors = { ...(flattened.fieldErrors as FieldErrors) }
  if (flattened.formErrors.length) fields._form = flattened.formErrors
  return fields
}

/** Parses input with a zod schema, throwing AppError('invalid:<subject>') that names each field and rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const fields = fieldErrorsOf(parsed.error)
  const summary = Object.entries(fields)
    .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
    .join('; ')
  throw new AppError(`invalid:${subject}`, `Invalid ${subject}: ${summary}`, fields)
}

/** The version of the record the user loaded: a save is conditional on it still being current. */
export const expectedVersion = z.coerce
  .number({ error: 'Version is required: reload and try again' })
  .int('Version must be a whole number')
  .min(1, 'Version is required: reload and try again')

/** A client-chosen key that makes a create safe to retry: the same key creates one item. */
export const idempotencyKey = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .min(8, 'Idempotency key must be 8 to 100 characters')
    .max(100, 'Idempotency key must be 8 to 100 characters')
    .regex(/^[A-Za-z0-9_-]+$/, 'Idempotency key may hold letters, digits, - and _ only')
    .optional(),
)

/**
 * An amount of money in the firm's currency, as integer minor units (cents). A string is an amount as
 * typed ("1,250.50", at most two decimals), converted from its digits, never through a float; a number
 * is minor units already, as Roster's JSON answers them (so a read sent back saves the same amount).
 */
export const moneyAmount = (label: string, max: number) =>
  z.preprocess(
    // null (what a JSON read answers for "none") is none.
    (value) => (value === null ? undefined : blankToUndefined(value)),
    z
      .union([z.string(), z.number()], { error: `${label} must be an amount such as 1250.50` })
      .transform((value, context) => {
        let minor: number
        if (typeof value === 'number') {
          if (!Number.isSafeInteger(value) || value < 0) {
            context.addIssue({ code: 'custom', message: `${label} as a number is whole cents, not negative (or send it as text, such as "1250.50")` })
            return z.NEVER
          }
          minor = value
        } else {
          const typed = value.trim().replaceAll(',', '').replace(/^[€$£]\s*/, '')
          if (/^-\s*\d/.test(typed)) {
            context.addIssue({ code: 'custom', message: `${label} cannot be negative` })
            return z.NEVER
          }
          const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(typed)
          if (!match) {
            context.addIssue({ code: 'custom', message: `${label} must be an amount such as 1250.50 (at most two decimals, not negative)` })
            return z.NEVER
          }
          minor = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
        }
        if (minor > max * 100) {
          context.addIssue({ code: 'custom', message: `${label} must be at most ${max.toLocaleString('en-GB')}` })
          return z.NEVER
        }
        return minor
      })
      .optional(),
  )

/** Whether a caller sent a field at all (a form sends every field; a JSON body may leave one out to keep it). */
export function hasField(input: unknown, name: string): boolean {
  return typeof input === 'object' && input !== null && Object.prototype.hasOwnProperty.call(input, name)
}
