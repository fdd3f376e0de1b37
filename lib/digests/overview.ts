import type { Booking } from '../dto'
import { addWeeks, mondayOf, periodLoad, type TimeOffSpan } from '../load/allocation'

// What the firm overview keeps of each person and project, and the figures it derives: pure, so the
// maintenance on write, the full refresh and the consistency audit compute the same thing.

/** Weeks kept from the current one: this week and next are shown; the third is ready for the roll-over. */
export const TRACKED_WEEKS = 3
/** How many people or projects a list shows before "Show all". */
export const OVERVIEW_LIST_LENGTH = 12

export function trackedWeeks(today: string): string[] {
  const monday = mondayOf(today)
  return Array.from({ length: TRACKED_WEEKS }, (_, i) => addWeeks(monday, i))
}

/**
 * What the refresh fills, by version: a table whose digests were filled by an older Roster (before
 * the capacity digests, version 2) is refreshed once at start-up, whatever the day.
 */
export const DIGESTS_VERSION = 2

/** Whether the digests' state covers this week's tracked weeks, "starting soon" was derived today, and the refresh that filled them fills every digest this Roster reads. */
export function overviewStateIsCurrent(state: Record<string, unknown> | null, today: string): boolean {
  return Boolean(state && JSON.stringify(state.weeks) === JSON.stringify(trackedWeeks(today)) && state.projectsDerivedOn === today && state.digestsVersion === DIGESTS_VERSION)
}

type PersonLoad = {
  name: string
  practice: string
  bookings: Pick<Booking, 'start' | 'end' | 'allocation' | 'tentative'>[]
  timeOff: TimeOffSpan[]
}

/** On the bench in a week: nothing booked, and not away all week. Free from/until: around the week, by bookings. */
export interface BenchEntry {
  n: string
  p: string
  /** First free day (the day after the last booking before the week), or '' when never booked before. */
  f: string
  /** Last free day (the day before the next booking after the week), or '' when nothing follows. */
  u: string
}

/** Over-allocated in a week: booked plus time off above 100%. */
export interface OverEntry {
  n: string
  p: string
  /** Booked plus time off, in percent. */
  a: number
}

const DAY = 86_400_000
const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

export function weekStatus(person: PersonLoad, weekStart: string): { bench?: BenchEntry; over?: OverEntry } {
  const friday = shift(weekStart, 4)
  const load = periodLoad(person.bookings, weekStart, friday, { timeOff: person.timeOff })
  if (load.total === 0 && load.off < 100) {
    const before = person.bookings.filter((b) => b.end && b.end < weekStart).map((b) => b.end as string).sort().at(-1)
    const after = person.bookings.filter((b) => b.start > friday).map((b) => b.start).sort()[0]
    return { bench: { n: person.name, p: person.practice, f: before ? shift(before, 1) : '', u: after ? shift(after, -1) : '' } }
  }
  const used = load.total + load.off
  if (used > 100) return { over: { n: person.name, p: person.practice, a: used } }
  return {}
}

/** A project as the overview counts it: status, client, start, and names (to list it if it starts soon). */
export interface ProjectEntry {
  c: string
  s: string
  d: string
  n: string
  cn: string
}

export interface WeekSummary {
  benchCount: number
  bench: (BenchEntry & { id: string })[]
  overCount: number
  over: (OverEntry & { id: string })[]
}

/** A week digest's figures: the counts, and the first people of each list (bench by name, over by most over). */
export function summariseWeek(set: { bench?: Record<string, BenchEntry>; over?: Record<string, OverEntry> }): WeekSummary {
  const bench = Object.entries(set.bench ?? {}).map(([id, entry]) => ({ id, ...entry }))
  const over = Object.entries(set.over ?? {}).map(([id, entry]) => ({ id, ...entry }))
  return {
    benchCount: bench.length,
    bench: bench.sort(byName).slice(0, OVERVIEW_LIST_LENGTH),
    overCount: over.length,
    over: over.sort(byMostOver).slice(0, OVERVIEW_LIST_LENGTH),
  }
}

export interface ProjectsSummary {
  projects: number
  activeProjects: number
  /** Clients with at least one project (a client's projects are all in one shard). */
  clients: number
  /** Projects starting after `derivedOn`, soonest first: the first of them. */
  upcoming: (ProjectEntry & { id: string })[]
  derivedOn: string
}

export function summariseProjects(set: { projects?: Record<string, ProjectEntry> }, today: string): ProjectsSummary {
  const projects = Object.entries(set.projects ?? {}).map(([id, entry]) => ({ id, ...entry }))
  return {
    projects: projects.length,
    activeProjects: projects.filter((project) => project.s === 'active').length,
    clients: new Set(projects.map((project) => project.c)).size,
    upcoming: projects
      .filter((project) => project.d > today)
      .sort((a, b) => a.d.localeCompare(b.d) || a.n.localeCompare(b.n))
      .slice(0, OVERVIEW_LIST_LENGTH),
    derivedOn: today,
  }
}

export function summarisePeople(set: { people?: Record<string, unknown> }): { people: number } {
  return { people: Object.keys(set.people ?? {}).length }
}

const byName = (a: { n: string; id: string }, b: { n: string; id: string }) => a.n.localeCompare(b.n) || a.id.localeCompare(b.id)
const byMostOver = (a: OverEntry & { id: string }, b: OverEntry & { id: string }) => b.a - a.a || byName(a, b)

type AuditItem = Record<string, unknown>

/**
 * The overview's digests recomputed from the people and projects in `items` (a consistent scan), and
 * compared with the stored ones: a list of differences, empty when they agree. Used by the
 * consistency audit, so the model-based test checks the overview after random work and crashes.
 */
export function auditOverview(items: AuditItem[], today: string, keys: { week: (week: string, shard: number) => string; people: (shard: number) => string; projects: (shard: number) => string }, shardOf: (id: string) => number, shards: number): string[] {
  const problems: string[] = []
  const stored = new Map(items.map((item) => [`${item.PK}|${item.SK}`, item]))
  const people = items.filter((item) => item._type === 'Employee' && !item.deletingAt)
  const projects = items.filter((item) => item._type === 'Project' && !item.deletingAt)
  const compare = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(sortKeys(actual ?? {})) !== JSON.stringify(sortKeys(expected))) problems.push(`overview ${what} is ${JSON.stringify(actual ?? {})}, recomputed ${JSON.stringify(expected)}`)
  }
  for (let shard = 0; shard < shards; shard++) {
    const mine = people.filter((person) => shardOf(person.id as string) === shard)
    for (const week of trackedWeeks(today)) {
      const bench: Record<string, BenchEntry> = {}
      const over: Record<string, OverEntry> = {}
      for (const person of mine) {
        const status = weekStatus(personLoadOf(person), week)
        if (status.bench) bench[person.id as string] = status.bench
        if (status.over) over[person.id as string] = status.over
      }
      const set = stored.get(`${keys.week(week, shard)}|SET`)
      compare(`week ${week} shard ${shard} bench`, set?.bench, bench)
      compare(`week ${week} shard ${shard} over`, set?.over, over)
      if (set) compareSummary(`week ${week} shard ${shard}`, stored.get(`${keys.week(week, shard)}|SUMMARY`), { ...summariseWeek(set as never), weekStart: week }, problems)
    }
    const peopleSet = stored.get(`${keys.people(shard)}|SET`)
    compare(`people shard ${shard}`, peopleSet?.people, Object.fromEntries(mine.map((person) => [person.id as string, 1])))
    if (peopleSet) compareSummary(`people shard ${shard}`, stored.get(`${keys.people(shard)}|SUMMARY`), summarisePeople(peopleSet as never), problems)
    const projectSet = stored.get(`${keys.projects(shard)}|SET`)
    const expectedProjects = Object.fromEntries(
      projects
        .filter((project) => shardOf(project.clientId as string) === shard)
        .map((project) => [project.id as string, { c: project.clientId, s: project.status, d: project.startDate, n: project.name, cn: project.clientName }]),
    )
    compare(`projects shard ${shard}`, projectSet?.projects, expectedProjects)
    const projectSummary = stored.get(`${keys.projects(shard)}|SUMMARY`)
    if (projectSet) compareSummary(`projects shard ${shard}`, projectSummary, { ...summariseProjects(projectSet as never, (projectSummary?.derivedOn as string) ?? today) }, problems)
  }
  return problems
}

function compareSummary(what: string, stored: AuditItem | undefined, expected: Record<string, unknown>, problems: string[]) {
  const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, stored?.[key]]))
  if (JSON.stringify(sortKeys(actual)) !== JSON.stringify(sortKeys(expected))) problems.push(`overview ${what} summary is ${JSON.stringify(actual)}, derived ${JSON.stringify(expected)}`)
}

function personLoadOf(person: AuditItem): PersonLoad {
  const bookings = Object.values((person.bookings as Record<string, { start: string; end?: string; allocation: number; tentative: boolean }>) ?? {}).map((b) => ({ start: b.start, end: b.end ?? null, allocation: b.allocation, tentative: b.tentative }))
  const timeOff = Object.values((person.timeOff as Record<string, { start: string; end: string }>) ?? {}).map((t) => ({ start: t.start, end: t.end }))
  return { name: person.name as string, practice: person.practice as string, bookings, timeOff }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]))
  return value
}
