import { z } from 'zod'
import { moneyAmount, requiredText } from '../validation'

/** Rates per role title: the firm's card, or a project's own. Rates are typed per hour in the firm's currency. */
export const roleRatesInput = z
  .array(z.object({ role: requiredText('Role', 80), rate: moneyAmount('Rate', 100_000).pipe(z.number({ error: 'Rate is required' })) }), {
    error: 'Rates must be a list of roles and rates',
  })
  .max(100, 'At most 100 role rates')
  .refine((rates) => new Set(rates.map((line) => line.role.trim().toLowerCase().replace(/\s+/g, ' '))).size === rates.length, 'Each role once')

/** Lines of a rates form (`role.0`, `rate.0`, …) as a list of rates; lines left blank are dropped. */
export function ratesFromFields(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input) || 'rates' in input) return input
  const fields = input as Record<string, unknown>
  const rates: { role: unknown; rate: unknown }[] = []
  for (let line = 0; line < 200; line++) {
    const role = fields[`role.${line}`]
    const rate = fields[`rate.${line}`]
    if (role === undefined && rate === undefined) continue
    if (String(role ?? '').trim() === '' && String(rate ?? '').trim() === '') continue
    rates.push({ role, rate })
  }
  return { ...fields, rates }
}

export const rateCardInput = z.preprocess(ratesFromFields, z.object({
  /** The card's version as loaded (0 before one exists): a save is conditional on it. */
  version: z.coerce.number({ error: 'Version is required: reload and try again' }).int('Version must be a whole number').min(0, 'Version is required: reload and try again'),
  rates: roleRatesInput,
}))
export type RateCardInput = z.input<typeof rateCardInput>
