import { Entity, item, list, map, number, record, string, type FormattedValue } from 'dynamodb-toolbox'
import { RosterTable } from '../table'

// The digests (lib/db/digests.ts): the overview's and capacity's materialised items. Each digest is
// a pair of items under one partition key, its `digest` (OVERVIEW#…, CAPACITY#…, spelled by
// lib/db/keys.ts): `SET` holds one map entry per person, project or role, and `SUMMARY` the figures
// derived from it. Items written before these entities existed read as they are: the same `_type`
// names, no timestamps, the partition stored only as PK. Several entities share one `_type` (every
// set is an OverviewSet, every summary an OverviewSummary): never rename them.
export const digestTypes = { set: 'OverviewSet', summary: 'OverviewSummary', state: 'OverviewState' } as const

/**
 * On the bench in a week: name, practice, first and last free day ('' when open-ended), and the
 * week's time off in percent when there is some (absent when none, as entries written before it).
 */
export const benchEntrySchema = map({ n: string(), p: string(), f: string(), u: string(), o: number().optional() })
/** Over-allocated in a week: name, practice, and booked plus time off in percent. */
export const overEntrySchema = map({ n: string(), p: string(), a: number() })
/** A project as the overview counts it: client, status, start, name, client name. */
export const projectEntrySchema = map({ c: string(), s: string(), d: string(), n: string(), cn: string() })
/** A person as capacity counts them: practice, weekly hours, load spans not yet over. */
export const personCapacityEntrySchema = map({ p: string(), h: number(), s: list(string()) })
/**
 * An unfilled role as capacity counts it: practice, role title, allocation %, start, end, 1 when
 * tentative, and client id, project id, client name, project name (to list it in the planner).
 */
export const roleDemandEntrySchema = map({
  p: string(),
  r: string(),
  a: number(),
  s: string(),
  e: string(),
  t: number(),
  c: string(),
  j: string(),
  cn: string(),
  pn: string(),
})

/** A month's money of one project: revenue and cost, of confirmed and of tentative work (minor units). */
export const financeMonthSchema = map({ r: number(), rt: number(), c: number(), ct: number() })
/**
 * A project as the finance digest counts it: client id, name, client name, status, its money by month
 * (YYYY-MM, from the month it was derived), and the day its budget runs out ('' if it does not).
 */
export const financeEntrySchema = map({ c: string(), n: string(), cn: string(), s: string(), m: record(string(), financeMonthSchema), o: string() })

// A summary lists the first entries of its set, each with its id.
const withId = { id: string() }

/** One practice's figures over consecutive weeks, in hours. */
const practiceWeeksSchema = map({
  name: string(),
  people: number(),
  capacity: list(number()),
  confirmed: list(number()),
  tentative: list(number()),
  unfilled: list(number()),
  unfilledTentative: list(number()),
  // Of confirmed and of tentative, the hours on billable projects (absent before digests version 3).
  billable: list(number()).optional(),
  billableTentative: list(number()).optional(),
})

const capacitySummaryAttributes = {
  from: string(),
  weeks: number(),
  practices: record(string(), practiceWeeksSchema),
  roles: record(string(), map({ count: number(), first: list(roleDemandEntrySchema.and(withId)) })),
}

export type BenchEntry = FormattedValue<typeof benchEntrySchema>
export type OverEntry = FormattedValue<typeof overEntrySchema>
export type ProjectEntry = FormattedValue<typeof projectEntrySchema>
export type PersonCapacityEntry = FormattedValue<typeof personCapacityEntrySchema>
export type RoleDemandEntry = FormattedValue<typeof roleDemandEntrySchema>
export type PracticeWeeks = FormattedValue<typeof practiceWeeksSchema>
export type FinanceMonth = FormattedValue<typeof financeMonthSchema>
export type FinanceEntry = FormattedValue<typeof financeEntrySchema>
/** A project at risk of overrunning its budget, as a summary lists it. */
const riskSchema = map({ id: string(), c: string(), n: string(), cn: string(), o: string() })
export type FinanceRisk = FormattedValue<typeof riskSchema>

// The digest's partition is its identity; the sort key says which of the pair it is. A set's
// revision moves on with every change (ADD); a summary stores the revision it was derived from.
// (A set whose maps were created by a write cut off before its ADD has no rev yet.)
const setKey = { digest: string().key().savedAs('PK'), SK: string().key().const('SET'), rev: number().optional() }
const summaryKey = { digest: string().key().savedAs('PK'), SK: string().key().const('SUMMARY') }
const digest = { table: RosterTable, timestamps: false } as const

/** A week's bench and over-allocated people, for one shard of the people (OVERVIEW#WEEK#<monday>#<shard>). */
export const WeekSetEntity = new Entity({
  ...digest,
  name: digestTypes.set,
  schema: item({ ...setKey, bench: record(string(), benchEntrySchema).optional(), over: record(string(), overEntrySchema).optional() }),
})
export const WeekSummaryEntity = new Entity({
  ...digest,
  name: digestTypes.summary,
  schema: item({
    ...summaryKey,
    rev: number(),
    weekStart: string(),
    benchCount: number(),
    bench: list(benchEntrySchema.and(withId)),
    overCount: number(),
    over: list(overEntrySchema.and(withId)),
  }),
})

/** The headcount, for one shard of the people (OVERVIEW#PEOPLE#<shard>): person id -> 1. */
export const PeopleSetEntity = new Entity({ ...digest, name: digestTypes.set, schema: item({ ...setKey, people: record(string(), number()).optional() }) })
export const PeopleSummaryEntity = new Entity({ ...digest, name: digestTypes.summary, schema: item({ ...summaryKey, rev: number(), people: number() }) })

/** Every project of one shard of the clients (OVERVIEW#PROJECTS#<shard>). */
export const ProjectsSetEntity = new Entity({ ...digest, name: digestTypes.set, schema: item({ ...setKey, projects: record(string(), projectEntrySchema).optional() }) })
export const ProjectsSummaryEntity = new Entity({
  ...digest,
  name: digestTypes.summary,
  schema: item({
    ...summaryKey,
    rev: number(),
    projects: number(),
    activeProjects: number(),
    clients: number(),
    upcoming: list(projectEntrySchema.and(withId)),
    derivedOn: string(),
  }),
})

/** One part of the capacity digests (CAPACITY#<shard>#<sub>): its people and unfilled roles. */
export const CapacitySetEntity = new Entity({
  ...digest,
  name: digestTypes.set,
  schema: item({ ...setKey, people: record(string(), personCapacityEntrySchema).optional(), roles: record(string(), roleDemandEntrySchema).optional() }),
})
export const CapacitySummaryEntity = new Entity({ ...digest, name: digestTypes.summary, schema: item({ ...summaryKey, rev: number(), ...capacitySummaryAttributes }) })
/** A capacity shard's sum of its parts' summaries (CAPACITY#<shard>), with the revision of each part (by sub) it adds up. */
export const CapacityShardSummaryEntity = new Entity({
  ...digest,
  name: digestTypes.summary,
  schema: item({ ...summaryKey, parts: record(string(), number()), ...capacitySummaryAttributes }),
})

/** One shard of the projects' money (FINANCE#<shard>): project id -> its money by month. Managers' screens only. */
export const FinanceSetEntity = new Entity({ ...digest, name: digestTypes.set, schema: item({ ...setKey, projects: record(string(), financeEntrySchema).optional() }) })
export const FinanceSummaryEntity = new Entity({
  ...digest,
  name: digestTypes.summary,
  schema: item({ ...summaryKey, rev: number(), from: string(), months: record(string(), financeMonthSchema), risks: map({ count: number(), first: list(riskSchema) }) }),
})

/** Which weeks the overview's digests cover, when "starting soon" was derived, and by which version of the refresh. */
export const OverviewStateEntity = new Entity({
  name: digestTypes.state,
  ...digest,
  schema: item({
    digest: string().key().savedAs('PK').const('OVERVIEW#STATE'),
    SK: string().key().const('STATE'),
    weeks: list(string()),
    projectsDerivedOn: string(),
    // Absent on a state written before the capacity digests (version 2): such a table is refreshed at start-up.
    digestsVersion: number().optional(),
  }),
})

export type DigestSetEntity = typeof WeekSetEntity | typeof PeopleSetEntity | typeof ProjectsSetEntity | typeof CapacitySetEntity | typeof FinanceSetEntity
export type DigestSummaryEntity =
  | typeof WeekSummaryEntity
  | typeof PeopleSummaryEntity
  | typeof ProjectsSummaryEntity
  | typeof CapacitySummaryEntity
  | typeof CapacityShardSummaryEntity
  | typeof FinanceSummaryEntity
