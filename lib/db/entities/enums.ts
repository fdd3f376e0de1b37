// Every closed set of values the table stores, declared once: the entities, the zod inputs, the DTOs
// and the forms' options all derive from these arrays. Plain data, safe to import from a schema that a
// client component bundles.

export const clientStatuses = ['active', 'archived'] as const
export type ClientStatus = (typeof clientStatuses)[number]

export const projectStatuses = ['proposed', 'active', 'on-hold', 'completed'] as const
export type ProjectStatus = (typeof projectStatuses)[number]

/** Of an assignment and of an unfilled role. */
export const assignmentStatuses = ['tentative', 'confirmed'] as const
export type AssignmentStatus = (typeof assignmentStatuses)[number]

export const timeOffKinds = ['vacation', 'sick', 'other'] as const
export type TimeOffKind = (typeof timeOffKinds)[number]

export const technologyCategories = ['language', 'framework', 'database', 'cloud', 'tool', 'other'] as const
export type TechnologyCategory = (typeof technologyCategories)[number]

/** How a project is charged: by the hour, for a fixed fee, or not at all (internal work, pre-sales). */
export const pricingModels = ['time_and_materials', 'fixed_price', 'non_billable'] as const
export type PricingModel = (typeof pricingModels)[number]

/** What a project's budget counts: money (a fixed fee, or a cap on time and materials) or hours. */
export const budgetKinds = ['money', 'hours'] as const
export type BudgetKind = (typeof budgetKinds)[number]

/** Where an assignment's charge-out rate came from, most specific first. */
export const rateSources = ['assignment', 'project', 'card', 'none'] as const
export type RateSource = (typeof rateSources)[number]
