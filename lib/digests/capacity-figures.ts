import type { PersonCapacityEntry, PracticeWeeks, RoleDemandEntry } from '../db/entities/digests'
import { loadSpansOf, parseLoadSpans } from '../load/load-spans'
import { normalizeName } from '../text'
import { addWeeks, mondayOf, periodLoad, periodLoads, type TimeOffSpan } from '../load/allocation'

// Capacity against demand by practice, week by week: pure arithmetic shared by the maintenance on
// write, the full refresh, the consistency audit and the screen. Hours throughout: a person's
// capacity is their weekly hours less time off; their confirmed and tentative demand is the booked
// share of those hours (bookings count only on days they are not off, as everywhere in Roster); an
// unfilled role's demand is its allocation of a standard week, since nobody's hours are known yet.

/** Weeks `/capacity` shows, from the current one. */
export const CAPACITY_WEEKS = 26
/** Weeks a summary covers: a few more than shown, so one derived up to this many weeks ago still covers the screen. */
export const SUMMARY_WEEKS = 30
/** The week an unfilled role's allocation is a share of. */
export const STANDARD_WEEK_HOURS = 40
/** Unfilled roles a summary lists per practice (the planner's group); the count covers them all. */
export const ROLE_LIST_LENGTH = 12

export type { PersonCapacityEntry, PracticeWeeks, RoleDemandEntry } from '../db/entities/digests'

interface PersonSource {
  practice: string
  capacityHours: number
  bookings: { start: string; end: string | null; allocation: number; tentative: boolean; billable?: boolean }[]
  timeOff: TimeOffSpan[]
}

/** The spans that still matter from the week of `today` on: ended ones never change a shown week. */
function currentSpans(spans: string[], today: string): string[] {
  const monday = mondayOf(today)
  return spans.filter((span) => {
    const end = span.split('|')[1]
    return !end || end >= monday
  })
}

export function personCapacityEntry(person: PersonSource, today: string): PersonCapacityEntry {
  return { p: person.practice, h: person.capacityHours, s: currentSpans(loadSpansOf(person.bookings, person.timeOff), today) }
}

/** An entry as it counts from the week of `today` on (the audit compares entries written on other days this way). */
export function trimmedEntry(entry: PersonCapacityEntry, today: string): PersonCapacityEntry {
  return { ...entry, s: currentSpans(entry.s, today) }
}

export function roleDemandEntry(role: {
  practice: string
  role: string
  allocation: number
  startDate: string
  endDate: string
  status: string
  clientId: string
  projectId: string
  clientName: string
  projectName: string
}): RoleDemandEntry {
  return {
    p: role.practice,
    r: role.role,
    a: role.allocation,
    s: role.startDate,
    e: role.endDate,
    t: role.status === 'tentative' ? 1 : 0,
    c: role.clientId,
    j: role.projectId,
    cn: role.clientName,
    pn: role.projectName,
  }
}

export interface RoleListing extends RoleDemandEntry {
  id: string
}

/** What a digest shard's summary holds, and what the screen merges. */
export interface CapacitySummary {
  from: string
  weeks: number
  practices: Record<string, PracticeWeeks>
  roles: Record<string, { count: number; first: RoleListing[] }>
}

const friday = (monday: string) => {
  const date = new Date(`${monday}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 4)
  return date.toISOString().slice(0, 10)
}

const tenth = (hours: number) => Math.round(hours * 10) / 10

/** Of two spellings of one practice, the one shown: capitals first, then alphabetical, so every shard picks the same. */
const shownFirst = (a: string, b: string) => a.localeCompare(b, 'en', { caseFirst: 'upper' }) < 0

/** The practice a free-text practice name counts under ("data" and "Data " are one). */
export const practiceKey = (practice: string) => normalizeName(practice) || '(none)'

/** The weekly series a practice's figures hold, in hours. */
export const SERIES = ['capacity', 'confirmed', 'tentative', 'unfilled', 'unfilledTentative', 'billable', 'billableTentative'] as const
type Series = (typeof SERIES)[number]

function emptyPractice(name: string, weeks: number): Required<PracticeWeeks> {
  const zeros = () => Array.from({ length: weeks }, () => 0)
  return { name, people: 0, capacity: zeros(), confirmed: zeros(), tentative: zeros(), unfilled: zeros(), unfilledTentative: zeros(), billable: zeros(), billableTentative: zeros() }
}

export interface PersonWeek {
  capacity: number
  confirmed: number
  tentative: number
  /** Of confirmed and of tentative, the hours on billable projects. */
  billable: number
  billableTentative: number
}

/** A person's hours in one week: capacity after time off, and confirmed and tentative demand, billable or not. */
export function personWeek(entry: PersonCapacityEntry, monday: string, parsed = parseLoadSpans(entry.s)): PersonWeek {
  const { bookings, timeOff } = parsed
  const load = periodLoads(bookings, monday, friday(monday), timeOff)
  return {
    capacity: (entry.h * (100 - load.off)) / 100,
    confirmed: (entry.h * load.confirmed) / 100,
    tentative: (entry.h * Math.max(0, load.total - load.confirmed)) / 100,
    billable: (entry.h * load.billableConfirmed) / 100,
    billableTentative: (entry.h * Math.max(0, load.billable - load.billableConfirmed)) / 100,
  }
}

/** An unfilled role's hours in one week (working days it covers, at its allocation of a standard week). */
export function roleWeek(entry: Pick<RoleDemandEntry, 'a' | 's' | 'e'>, monday: string): number {
  const load = periodLoad([{ start: entry.s, end: entry.e, allocation: entry.a, tentative: false }], monday, friday(monday))
  return (STANDARD_WEEK_HOURS * load.total) / 100
}

/** A shard's figures from its entries, for `weeks` weeks from the Monday of `today`. */
export function summariseCapacity(
  set: { people?: Record<string, PersonCapacityEntry>; roles?: Record<string, RoleDemandEntry> },
  today: string,
  weeks: number = SUMMARY_WEEKS,
): CapacitySummary {
  const from = mondayOf(today)
  const mondays = Array.from({ length: weeks }, (_, i) => addWeeks(from, i))
  const practices: Record<string, Required<PracticeWeeks>> = {}
  const practiceOf = (name: string) => {
    const key = practiceKey(name)
    const found = practices[key]
    if (found) {
      // The same practice spelled differently: the name shown is the first in order, whoever wrote last.
      if (name.trim() && shownFirst(name.trim(), found.name)) found.name = name.trim()
      return found
    }
    return (practices[key] = emptyPractice(name.trim() || '(none)', weeks))
  }
  for (const entry of Object.values(set.people ?? {})) {
    const practice = practiceOf(entry.p)
    practice.people++
    const parsed = parseLoadSpans(entry.s)
    mondays.forEach((monday, i) => {
      // Nothing booked and no time off: the whole week is capacity (most people, most weeks, cheaply).
      const week = entry.s.length ? personWeek(entry, monday, parsed) : { capacity: entry.h, confirmed: 0, tentative: 0, billable: 0, billableTentative: 0 }
      practice.capacity[i] += week.capacity
      practice.confirmed[i] += week.confirmed
      practice.tentative[i] += week.tentative
      practice.billable[i] += week.billable
      practice.billableTentative[i] += week.billableTentative
    })
  }
  const roles: CapacitySummary['roles'] = {}
  for (const [id, entry] of Object.entries(set.roles ?? {})) {
    const practice = practiceOf(entry.p)
    mondays.forEach((monday, i) => {
      const hours = roleWeek(entry, monday)
      if (entry.t) practice.unfilledTentative[i] += hours
      else practice.unfilled[i] += hours
    })
    const key = practiceKey(entry.p)
    const listed = (roles[key] ??= { count: 0, first: [] })
    listed.count++
    listed.first.push({ id, ...entry })
  }
  for (const listed of Object.values(roles)) listed.first = listed.first.sort(byStart).slice(0, ROLE_LIST_LENGTH)
  for (const practice of Object.values(practices)) {
    for (const series of SERIES) practice[series] = practice[series].map(tenth)
  }
  return { from, weeks, practices, roles }
}

/**
 * Parts' summaries added up into one (a shard's), from the Monday of `today`. A figure for a week
 * does not depend on the day a part was derived, so parts derived on different days add up; the sum
 * covers the weeks every part covers.
 */
export function addSummaries(parts: CapacitySummary[], today: string): CapacitySummary {
  const from = mondayOf(today)
  const offsetOf = (summary: CapacitySummary) => Math.round((Date.parse(from) - Date.parse(summary.from)) / (7 * 86_400_000))
  const weeks = Math.max(0, Math.min(SUMMARY_WEEKS, ...parts.map((part) => part.weeks - offsetOf(part))))
  const practices: Record<string, Required<PracticeWeeks>> = {}
  const roles: CapacitySummary['roles'] = {}
  for (const part of parts) {
    const offset = offsetOf(part)
    for (const [key, figures] of Object.entries(part.practices)) {
      const practice = (practices[key] ??= emptyPractice(figures.name, weeks))
      if (shownFirst(figures.name, practice.name)) practice.name = figures.name
      practice.people += figures.people
      for (const series of SERIES) {
        for (let i = 0; i < weeks; i++) practice[series][i] += figures[series]?.[i + offset] ?? 0
      }
    }
    for (const [key, listed] of Object.entries(part.roles ?? {})) {
      const merged = (roles[key] ??= { count: 0, first: [] })
      merged.count += listed.count
      merged.first = [...merged.first, ...listed.first].sort(byStart).slice(0, ROLE_LIST_LENGTH)
    }
  }
  for (const practice of Object.values(practices)) {
    for (const series of SERIES) practice[series] = practice[series].map(tenth)
  }
  return { from, weeks, practices, roles }
}

const byStart = (a: RoleListing, b: RoleListing) => a.s.localeCompare(b.s) || a.r.localeCompare(b.r) || a.id.localeCompare(b.id)

/** One week of one practice (or of several added up), as the screen shows it. */
export type CapacityWeek = { weekStart: string } & Record<Series, number>

const emptyWeek = (weekStart: string): CapacityWeek => ({ weekStart, capacity: 0, confirmed: 0, tentative: 0, unfilled: 0, unfilledTentative: 0, billable: 0, billableTentative: 0 })

export interface CapacityView {
  weeks: string[]
  practices: { key: string; name: string; people: number; weeks: CapacityWeek[] }[]
  roles: Record<string, { count: number; first: RoleListing[] }>
  /** Weeks some shard's summary did not cover (it is being brought up to date). */
  missing: number
}

/**
 * Adds up the shards' summaries for `weekCount` weeks from the Monday of `today`. A summary's figure
 * for a week does not depend on the day it was derived (only which weeks it covers), so summaries
 * derived on different days add up as they are.
 */
export function mergeCapacity(summaries: CapacitySummary[], today: string, weekCount: number = CAPACITY_WEEKS): CapacityView {
  const from = mondayOf(today)
  const weeks = Array.from({ length: weekCount }, (_, i) => addWeeks(from, i))
  const practices = new Map<string, { key: string; name: string; people: number; weeks: CapacityWeek[] }>()
  const roles: CapacityView['roles'] = {}
  let missing = 0
  for (const summary of summaries) {
    const offset = Math.round((Date.parse(from) - Date.parse(summary.from)) / (7 * 86_400_000))
    if (offset < 0 || offset + weekCount > summary.weeks) missing++
    for (const [key, figures] of Object.entries(summary.practices)) {
      let practice = practices.get(key)
      if (!practice) {
        practice = { key, name: figures.name, people: 0, weeks: weeks.map(emptyWeek) }
        practices.set(key, practice)
      }
      if (shownFirst(figures.name, practice.name)) practice.name = figures.name
      practice.people += figures.people
      practice.weeks.forEach((week, i) => {
        const at = offset + i
        if (at < 0 || at >= summary.weeks) return
        for (const series of SERIES) week[series] += figures[series]?.[at] ?? 0
      })
    }
    for (const [key, listed] of Object.entries(summary.roles ?? {})) {
      const merged = (roles[key] ??= { count: 0, first: [] })
      merged.count += listed.count
      merged.first = [...merged.first, ...listed.first].sort(byStart).slice(0, ROLE_LIST_LENGTH)
    }
  }
  for (const practice of practices.values()) {
    for (const week of practice.weeks) for (const series of SERIES) week[series] = tenth(week[series])
  }
  return { weeks, practices: [...practices.values()].sort((a, b) => a.name.localeCompare(b.name)), roles, missing }
}

/** Demand in a week as the screen counts it: tentative work (booked or unfilled) only when asked. */
export function demandOf(week: CapacityWeek, includeTentative: boolean): number {
  return tenth(week.confirmed + week.unfilled + (includeTentative ? week.tentative + week.unfilledTentative : 0))
}

/** Hours short in a week (0 when capacity covers demand). */
export function deficitOf(week: CapacityWeek, includeTentative: boolean): number {
  return Math.max(0, tenth(demandOf(week, includeTentative) - week.capacity))
}

/** Several practices' weeks added up (the "all practices" view). */
export function totalWeeks(practices: { weeks: CapacityWeek[] }[], weeks: string[]): CapacityWeek[] {
  return weeks.map((weekStart, i) => {
    const total = emptyWeek(weekStart)
    for (const practice of practices) {
      for (const series of SERIES) total[series] += practice.weeks[i][series]
    }
    for (const series of SERIES) total[series] = tenth(total[series])
    return total
  })
}
