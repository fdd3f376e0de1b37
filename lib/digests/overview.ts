import 'server-only'
import { EmployeeEntity, ProjectEntity, storedOf, type StoredItem } from '../db'
import {
  PeopleSetEntity,
  PeopleSummaryEntity,
  ProjectsSetEntity,
  ProjectsSummaryEntity,
  WeekSetEntity,
  WeekSummaryEntity,
  type BenchEntry,
  type OverEntry,
  type ProjectEntry,
} from '../db/entities/digests'
import { OVERVIEW_SHARDS, overviewKeys, overviewShardOf } from '../db/overview-store'
import { toBookings, toTimeOff, type Booking } from '../dto'
import { addWeeks, mondayOf, periodLoad, type TimeOffSpan } from '../load/allocation'

export type { BenchEntry, OverEntry, ProjectEntry } from '../db/entities/digests'

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
 * the capacity digests, version 2; before the bench's time off and its order by how free, 3) is
 * refreshed once at start-up, whatever the day.
 */
export const DIGESTS_VERSION = 4

/** Whether the digests' state covers this week's tracked weeks, "starting soon" was derived today, and the refresh that filled them fills every digest this Roster reads. */
export function overviewStateIsCurrent(state: { weeks: string[]; projectsDerivedOn: string; digestsVersion?: number } | null, today: string): boolean {
  return Boolean(state && JSON.stringify(state.weeks) === JSON.stringify(trackedWeeks(today)) && state.projectsDerivedOn === today && state.digestsVersion === DIGESTS_VERSION)
}

type PersonLoad = {
  name: string
  practice: string
  bookings: Pick<Booking, 'start' | 'end' | 'allocation' | 'tentative'>[]
  timeOff: TimeOffSpan[]
}

const DAY = 86_400_000
const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

export function weekStatus(person: PersonLoad, weekStart: string): { bench?: BenchEntry; over?: OverEntry } {
  const friday = shift(weekStart, 4)
  const load = periodLoad(person.bookings, weekStart, friday, { timeOff: person.timeOff })
  if (load.total === 0 && load.off < 100) {
    const before = person.bookings.flatMap((b) => (b.end && b.end < weekStart ? [b.end] : [])).sort().at(-1)
    const after = person.bookings.filter((b) => b.start > friday).map((b) => b.start).sort()[0]
    const bench: BenchEntry = { n: person.name, p: person.practice, f: before ? shift(before, 1) : '', u: after ? shift(after, -1) : '' }
    return { bench: load.off > 0 ? { ...bench, o: load.off } : bench }
  }
  const used = load.total + load.off
  if (used > 100) return { over: { n: person.name, p: person.practice, a: used } }
  return {}
}

export interface WeekSummary {
  benchCount: number
  bench: (BenchEntry & { id: string })[]
  overCount: number
  over: (OverEntry & { id: string })[]
}

/** A week digest's figures: the counts, and the first people of each list (bench by how free and for how long, over by most over). */
export function summariseWeek(set: { bench?: Record<string, BenchEntry>; over?: Record<string, OverEntry> }): WeekSummary {
  const bench = Object.entries(set.bench ?? {}).map(([id, entry]) => ({ id, ...entry }))
  const over = Object.entries(set.over ?? {}).map(([id, entry]) => ({ id, ...entry }))
  return {
    benchCount: bench.length,
    bench: bench.sort(byMostFree).slice(0, OVERVIEW_LIST_LENGTH),
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

export function summarisePeople(set: { people?: Record<string, number> }): { people: number } {
  return { people: Object.keys(set.people ?? {}).length }
}

const byName = (a: { n: string; id: string }, b: { n: string; id: string }) => a.n.localeCompare(b.n) || a.id.localeCompare(b.id)
export const byMostOver = (a: OverEntry & { id: string }, b: OverEntry & { id: string }) => b.a - a.a || byName(a, b)

/** How much of the week a person on the bench is free, in percent: all of it but their time off. */
export const freePercent = (entry: Pick<BenchEntry, 'o'>) => 100 - (entry.o ?? 0)

/**
 * Whole working weeks (Monday to Friday) a person on the bench is free from `weekStart` on: Infinity
 * when nothing is booked after, 0 when their next booking starts before this week's Friday is out.
 */
export function freeWeeks(entry: Pick<BenchEntry, 'u'>, weekStart: string): number {
  if (!entry.u) return Infinity
  const days = Math.round((Date.parse(`${entry.u}T00:00:00Z`) - Date.parse(`${weekStart}T00:00:00Z`)) / DAY)
  return days < 4 ? 0 : Math.floor((days - 4) / 7) + 1
}

/**
 * The bench's order: the most free first (time off makes a person less free), then free for the most
 * weeks ahead (open-ended first), then by name. `u` is a date, so comparing it orders by weeks free
 * without knowing the week.
 */
export const byMostFree = (a: BenchEntry & { id: string }, b: BenchEntry & { id: string }) =>
  freePercent(b) - freePercent(a) || untilOrder(b.u).localeCompare(untilOrder(a.u)) || byName(a, b)
/** An open-ended free span ('') sorts after every date. */
const untilOrder = (until: string) => until || '9999-12-31'

/**
 * The overview's digests recomputed from the people and projects in `items` (a consistent scan), and
 * compared with the stored ones: a list of differences, empty when they agree. Used by the
 * consistency audit, so the model-based test checks the overview after random work and crashes.
 */
export function auditOverview(items: StoredItem[], today: string): string[] {
  const problems: string[] = []
  const read = <T>({ items: found, unreadable }: { items: T[]; unreadable: string[] }) => {
    problems.push(...unreadable)
    return found
  }
  const shards = Array.from({ length: OVERVIEW_SHARDS }, (_, shard) => shard)
  // Every digest has the same two item types: pick each kind's items by partition before reading them.
  const itemsOf = (digests: string[], sortKey: 'SET' | 'SUMMARY') => items.filter((item) => item.SK === sortKey && digests.includes(item.PK))
  const byDigest = <T extends { digest: string }>(found: T[]) => new Map(found.map((item) => [item.digest, item]))
  const weekDigests = shards.flatMap((shard) => trackedWeeks(today).map((week) => overviewKeys.week(week, shard)))
  const peopleDigests = shards.map((shard) => overviewKeys.people(shard))
  const projectDigests = shards.map((shard) => overviewKeys.projects(shard))
  const weekSets = byDigest(read(storedOf(itemsOf(weekDigests, 'SET'), WeekSetEntity)))
  const weekSummaries = byDigest(read(storedOf(itemsOf(weekDigests, 'SUMMARY'), WeekSummaryEntity)))
  const peopleSets = byDigest(read(storedOf(itemsOf(peopleDigests, 'SET'), PeopleSetEntity)))
  const peopleSummaries = byDigest(read(storedOf(itemsOf(peopleDigests, 'SUMMARY'), PeopleSummaryEntity)))
  const projectSets = byDigest(read(storedOf(itemsOf(projectDigests, 'SET'), ProjectsSetEntity)))
  const projectSummaries = byDigest(read(storedOf(itemsOf(projectDigests, 'SUMMARY'), ProjectsSummaryEntity)))
  const people = read(storedOf(items, EmployeeEntity)).filter((item) => !item.deletingAt)
  const projects = read(storedOf(items, ProjectEntity)).filter((item) => !item.deletingAt)
  const compare = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(sortKeys(actual ?? {})) !== JSON.stringify(sortKeys(expected))) problems.push(`overview ${what} is ${JSON.stringify(actual ?? {})}, recomputed ${JSON.stringify(expected)}`)
  }
  for (const shard of shards) {
    const mine = people.filter((person) => overviewShardOf(person.id) === shard)
    for (const week of trackedWeeks(today)) {
      const bench: Record<string, BenchEntry> = {}
      const over: Record<string, OverEntry> = {}
      for (const person of mine) {
        const status = weekStatus({ name: person.name, practice: person.practice, bookings: toBookings(person.bookings), timeOff: toTimeOff(person.timeOff) }, week)
        if (status.bench) bench[person.id] = status.bench
        if (status.over) over[person.id] = status.over
      }
      const digest = overviewKeys.week(week, shard)
      const set = weekSets.get(digest)
      compare(`week ${week} shard ${shard} bench`, set?.bench, bench)
      compare(`week ${week} shard ${shard} over`, set?.over, over)
      if (set) compareSummary(`week ${week} shard ${shard}`, weekSummaries.get(digest), { ...summariseWeek(set), weekStart: week }, problems)
    }
    const peopleDigest = overviewKeys.people(shard)
    const peopleSet = peopleSets.get(peopleDigest)
    compare(`people shard ${shard}`, peopleSet?.people, Object.fromEntries(mine.map((person) => [person.id, 1])))
    if (peopleSet) compareSummary(`people shard ${shard}`, peopleSummaries.get(peopleDigest), summarisePeople(peopleSet), problems)
    const projectsDigest = overviewKeys.projects(shard)
    const projectSet = projectSets.get(projectsDigest)
    const expectedProjects = Object.fromEntries(
      projects
        .filter((project) => overviewShardOf(project.clientId) === shard)
        .map((project) => [project.id, { c: project.clientId, s: project.status, d: project.startDate, n: project.name, cn: project.clientName }]),
    )
    compare(`projects shard ${shard}`, projectSet?.projects, expectedProjects)
    const projectSummary = projectSummaries.get(projectsDigest)
    if (projectSet) compareSummary(`projects shard ${shard}`, projectSummary, { ...summariseProjects(projectSet, projectSummary?.derivedOn ?? today) }, problems)
  }
  return problems
}

function compareSummary(what: string, stored: Record<string, unknown> | undefined, expected: Record<string, unknown>, problems: string[]) {
  const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, stored?.[key]]))
  if (JSON.stringify(sortKeys(actual)) !== JSON.stringify(sortKeys(expected))) problems.push(`overview ${what} summary is ${JSON.stringify(actual)}, derived ${JSON.stringify(expected)}`)
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]))
  return value
}
