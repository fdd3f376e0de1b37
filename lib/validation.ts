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
