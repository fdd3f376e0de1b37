import { z } from 'zod'
import { blankToUndefined, entityId, expectedVersion, idempotencyKey, isoDate, moneyAmount, optionalIsoDate, requiredText } from '../validation'

import { budgetKinds, pricingModels, projectStatuses } from '../db/entities/enums'
import { ratesFromFields, roleRatesInput } from '../finance/schemas'

export { budgetKinds, pricingModels, projectStatuses }

export const pricingLabels = { time_and_materials: 'Time and materials', fixed_price: 'Fixed price', non_billable: 'Non-billable' } as const

const projectShape = {
  name: requiredText('Name'),
  description: z.string().trim().max(2000, 'Description must be at most 2000 characters').default(''),
  status: z.enum(projectStatuses, { error: 'Status must be proposed, active, on-hold or completed' }).default('proposed'),
  startDate: isoDate('Start date'),
  endDate: optionalIsoDate('End date'),
  pricing: z.enum(pricingModels, { error: 'Pricing must be time and materials, fixed price or non-billable' }).default('time_and_materials'),
  budgetKind: z.preprocess(blankToUndefined, z.enum(budgetKinds, { error: 'Budget must be in money or in hours' }).optional()),
  /** Read as money or hours by `budgetKind` (money when it is not given), below. */
  // Also as a read answers it ({ kind, amount }), so that a read sent back saves the same budget.
  budget: z.preprocess(
    (value) => (value === null ? undefined : blankToUndefined(value)),
    z.union([z.string(), z.number(), z.object({ kind: z.enum(budgetKinds), amount: z.number() })], { error: 'Budget must be a number' }).optional(),
  ),
}

const budgetMoney = moneyAmount('Budget', 1e10)
const budgetHours = z.coerce.number({ error: 'Budget must be a number of hours' }).min(0, 'Budget cannot be negative').max(1e7, 'Budget is too large')

type BudgetFields = {
  pricing: (typeof pricingModels)[number]
  budgetKind?: (typeof budgetKinds)[number]
  budget?: string | number | { kind: (typeof budgetKinds)[number]; amount: number }
}

/** The budget's kind and its amount as given (money when no kind is given; as a read answers it, { kind, amount }). */
function givenBudget({ budget, budgetKind }: BudgetFields) {
  const amount = typeof budget === 'object' ? budget.amount : budget
  const kind = amount === undefined ? undefined : typeof budget === 'object' ? budget.kind : (budgetKind ?? 'money')
  const parsed = kind === 'hours' ? budgetHours.safeParse(amount) : kind === 'money' ? budgetMoney.safeParse(amount) : undefined
  return { kind, parsed }
}

/** The budget's rules, as issues on `budget` (a refinement: reported beside the other fields' errors). */
function budgetRules(value: BudgetFields, context: z.RefinementCtx) {
  const { kind, parsed } = givenBudget(value)
  if (parsed && !parsed.success) for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: issue.message, path: ['budget'] })
  else if (value.pricing === 'fixed_price' && (kind !== 'money' || !parsed?.data)) context.addIssue({ code: 'custom', message: 'A fixed-price project needs its fee: a budget in money', path: ['budget'] })
}

/** The budget as stored: its kind and its amount (minor units, or hours). */
function withBudget<T extends BudgetFields>(value: T) {
  const { budget: _budget, budgetKind: _kind, ...rest } = value
  const { kind, parsed } = givenBudget(value)
  return { ...rest, budgetKind: kind, budgetAmount: parsed?.success ? (parsed.data as number | undefined) : undefined }
}

const endNotBeforeStart = (value: { startDate: string; endDate?: string }) => !value.endDate || value.endDate >= value.startDate
const endRule = { message: 'End date must be on or after the start date', path: ['endDate'] }

export const createProjectInput = z.object({ clientId: entityId('Client'), idempotencyKey, ...projectShape }).refine(endNotBeforeStart, endRule).superRefine(budgetRules).transform(withBudget)
export type CreateProjectInput = z.input<typeof createProjectInput>

export const updateProjectInput = z
  .object({ clientId: entityId('Client'), projectId: entityId('Project'), version: expectedVersion, ...projectShape })
  .refine(endNotBeforeStart, endRule)
  .superRefine(budgetRules)
  .transform(withBudget)
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

export const projectRatesInput = z.preprocess(
  ratesFromFields,
  z.object({ clientId: entityId('Client'), projectId: entityId('Project'), version: expectedVersion, rates: roleRatesInput }),
)
export type ProjectRatesInput = z.input<typeof projectRatesInput>
