import { boolean, map, number, record, string } from 'dynamodb-toolbox'
import { timeOffKinds } from './enums'

export const timestamps = {
  created: { name: 'createdAt', savedAs: 'createdAt' },
  modified: { name: 'updatedAt', savedAs: 'updatedAt' },
} as const

// Stored in `_type` on every item. Never rename one once items exist.
export const entityNames = {
  client: 'Client',
  project: 'Project',
  assignment: 'Assignment',
  stackEntry: 'StackEntry',
  unfilledRole: 'UnfilledRole',
  employee: 'Employee',
  skill: 'Skill',
  technology: 'Technology',
  emailClaim: 'EmailClaim',
  job: 'Job',
  authRecord: 'AuthRecord',
  authPointer: 'AuthPointer',
  signInFailures: 'SignInFailures',
  rateCard: 'RateCard',
} as const

export type EntityName = (typeof entityNames)[keyof typeof entityNames]

// Every editable item carries a version: a save is conditional on the version the user loaded, and
// copies of its name carry the version they were copied from (see lib/db/aggregates.ts).
export const editable = {
  version: number().default(1),
  deletingAt: string().optional(),
  idempotencyKey: string().optional(),
}

// An edge of a project carries its client's and project's names, each with the version it was
// copied from (lib/db/aggregates.ts copyFields).
export const projectEdgeNames = {
  clientName: string(),
  clientNameVersion: number().optional(),
  projectName: string(),
  projectNameVersion: number().optional(),
}

// Aggregates (maps keyed by edge id) bump aggRev on every change; the figures derived from the maps
// are written only while aggRev is unchanged, so an older computation never overwrites a newer one.
export const aggregate = {
  aggRev: number().default(0),
}

// One assignment, reduced to what allocation arithmetic and the sweeps need.
export const bookingSchema = map({
  clientId: string(),
  projectId: string(),
  start: string(),
  end: string().optional(),
  allocation: number(),
  tentative: boolean(),
  // Absent on billable work; false on a non-billable project's (counted in allocation, not in billable utilization).
  billable: boolean().optional(),
})

export const bookingMap = record(string(), bookingSchema)

// A stretch of time off (inclusive dates). The person's own map is the record of it; skills hold copies.
export const timeOffSchema = map({
  kind: string().enum(...timeOffKinds),
  start: string(),
  end: string(),
  note: string().optional(),
})

export const timeOffMap = record(string(), timeOffSchema)

// A charge-out rate per role title, keyed by the title's normalised spelling (lib/text.ts). Rates are
// integer minor units of the firm's currency per hour (cents for EUR): money is never a float.
export const roleRateMap = record(string(), map({ role: string(), rate: number() }))
