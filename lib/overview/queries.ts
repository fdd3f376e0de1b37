import 'server-only'
import { authorize, type Actor } from '../authorization'
import { todayIso } from '../load/allocation'
import { cachedScreen, nameAccessPattern } from '../db'
import { OVERVIEW_SHARDS, overviewKeys, readOverviewSummaries } from '../db/overview-store'
import { OVERVIEW_LIST_LENGTH, byMostFree, byMostOver, freePercent, freeWeeks, overviewStateIsCurrent, trackedWeeks, type BenchEntry, type OverEntry, type ProjectEntry } from '../digests/overview'
import { weekChanges } from './week-changes'

export interface BenchPerson {
  id: string
  name: string
  practice: string
  /** First free day, or null if never booked before. */
  freeFrom: string | null
  /** Last free day before their next booking, or null if nothing follows. */
  freeUntil: string | null
  /** Share of the week they are free, in percent (time off takes some). */
  freePercent: number
  /** Whole working weeks free from the week shown on; null when nothing is booked after. */
  freeWeeks: number | null
}

export interface OverAllocatedPerson {
  id: string
  name: string
  practice: string
  /** Booked plus time off that week, in percent. */
  allocation: number
}

export interface OverviewWeek {
  weekStart: string
  benchCount: number
  /** The first people on the bench: the most free first, then free for the most weeks ahead, then by name. */
  bench: BenchPerson[]
  overAllocatedCount: number
  /** The most over-allocated first. */
  overAllocated: OverAllocatedPerson[]
}

/** What changes from this week to next. */
export interface OverviewChanges {
  joiningBench: BenchPerson[]
  leavingBench: BenchPerson[]
  becomingOverAllocated: OverAllocatedPerson[]
  leavingOverAllocated: OverAllocatedPerson[]
  /** False when a list the changes come from was cut short: the planner has the rest. */
  complete: boolean
}

export interface OverviewProject {
  id: string
  clientId: string
  clientName: string
  name: string
  status: string
  startDate: string
}

export interface FirmOverview {
  counts: { employees: number; clients: number; projects: number; activeProjects: number }
  /** This week and next. */
  weeks: [OverviewWeek, OverviewWeek]
  /** Who joins or leaves the bench or over-allocation next week (at most OVERVIEW_LIST_LENGTH of each). */
  nextWeekChanges: OverviewChanges
  /** Projects starting in the next 30 days, soonest first (at most OVERVIEW_LIST_LENGTH). */
  startingSoon: OverviewProject[]
  /** False while the digests are being rolled over to a new week or day (lib/digests/overview-sync.ts). */
  upToDate: boolean
}

/**
 * The home page: one BatchGetItem of the overview's digest summaries (lib/db/overview-store.ts):
 * this week's and next week's for each shard of the people, the headcount's, and the projects'. Each
 * summary holds counts and the first few of each list, so the read is the same size at any firm
 * size; the shards' lists are merged here.
 */
export async function getFirmOverview(actor: Actor | null, today: string = todayIso()): Promise<FirmOverview> {
  authorize(actor, 'read')
  return cachedScreen({ screen: 'overview', role: actor.role, args: [today] }, () => readFirmOverview(today))
}

async function readFirmOverview(today: string): Promise<FirmOverview> {
  nameAccessPattern('Firm overview')
  const [thisWeek, nextWeek] = trackedWeeks(today)
  const shards = Array.from({ length: OVERVIEW_SHARDS }, (_, shard) => shard)
  const weekKeys = (week: string) => shards.map((shard) => overviewKeys.week(week, shard))
  const summaries = await readOverviewSummaries({
    weeks: [...weekKeys(thisWeek), ...weekKeys(nextWeek)],
    people: shards.map((shard) => overviewKeys.people(shard)),
    projects: shards.map((shard) => overviewKeys.projects(shard)),
  })
  const { state } = summaries
  const of = <T>(found: Map<string, T>) => [...found.values()]
  const partsOf = (weekStart: string) => weekKeys(weekStart).map((key) => summaries.weeks.get(key))
  const week = (weekStart: string): OverviewWeek => {
    const parts = partsOf(weekStart).filter((part) => part !== undefined)
    return {
      weekStart,
      benchCount: sum(parts.map((part) => part.benchCount)),
      bench: parts
        .flatMap((part) => part.bench)
        .sort(byMostFree)
        .slice(0, OVERVIEW_LIST_LENGTH)
        .map((entry) => toBenchPerson(entry, weekStart)),
      overAllocatedCount: sum(parts.map((part) => part.overCount)),
      overAllocated: parts.flatMap((part) => part.over).sort(byMostOver).slice(0, OVERVIEW_LIST_LENGTH).map(toOverAllocatedPerson),
    }
  }
  const changes = weekChanges(partsOf(thisWeek), partsOf(nextWeek), thisWeek, nextWeek)
  const first = <T>(list: T[]) => list.slice(0, OVERVIEW_LIST_LENGTH)
  const projects = of(summaries.projects)
  const in30Days = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)
  return {
    counts: {
      employees: sum(of(summaries.people).map((part) => part.people)),
      clients: sum(projects.map((part) => part.clients)),
      projects: sum(projects.map((part) => part.projects)),
      activeProjects: sum(projects.map((part) => part.activeProjects)),
    },
    weeks: [week(thisWeek), week(nextWeek)],
    nextWeekChanges: {
      joiningBench: first(changes.joiningBench).map((entry) => toBenchPerson(entry, nextWeek)),
      leavingBench: first(changes.leavingBench).map((entry) => toBenchPerson(entry, thisWeek)),
      becomingOverAllocated: first(changes.becomingOver).map(toOverAllocatedPerson),
      leavingOverAllocated: first(changes.leavingOver).map(toOverAllocatedPerson),
      complete: changes.complete,
    },
    startingSoon: projects
      .flatMap((part) => part.upcoming)
      .filter((project) => project.d > today && project.d <= in30Days)
      .sort((a, b) => a.d.localeCompare(b.d) || a.n.localeCompare(b.n))
      .slice(0, OVERVIEW_LIST_LENGTH)
      .map(toOverviewProject),
    upToDate: overviewStateIsCurrent(state, today),
  }
}

const sum = (values: number[]) => values.reduce((total, value) => total + (value ?? 0), 0)

function toBenchPerson(entry: BenchEntry & { id: string }, weekStart: string): BenchPerson {
  const weeks = freeWeeks(entry, weekStart)
  return { id: entry.id, name: entry.n, practice: entry.p, freeFrom: entry.f || null, freeUntil: entry.u || null, freePercent: freePercent(entry), freeWeeks: Number.isFinite(weeks) ? weeks : null }
}

function toOverAllocatedPerson(entry: OverEntry & { id: string }): OverAllocatedPerson {
  return { id: entry.id, name: entry.n, practice: entry.p, allocation: entry.a }
}

function toOverviewProject(entry: ProjectEntry & { id: string }): OverviewProject {
  return { id: entry.id, clientId: entry.c, clientName: entry.cn, name: entry.n, status: entry.s, startDate: entry.d }
}
