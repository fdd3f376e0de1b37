import type { Booking } from '../dto'
import { practiceKey } from '../digests/capacity-figures'
import { addWeeks, allocationImpact, mondayOf, usedOf, weeklyLoads, type TimeOffSpan } from '../load/allocation'

// Who should fill an unfilled role: pure, so the suggestions screen ranks exactly as the tests do.
// Three things count, each from 0 to 1, and add up to the score shown:
// - skill (45%): the average of level/5 over the required technologies (none known: 0);
// - availability (45%): the average, over the role's weeks from this one on, of how much of the
//   role's allocation the person has free that week (time off counts as not free);
// - practice (10%): the person is in the role's practice.
// The default order ("fit") puts first who can do it and has the time: whoever meets every minimum
// level AND has the role's allocation free in each of its weeks, then whoever has one of the two,
// then the rest, each tier by score. "Skills first" is the older order: meeting every minimum level
// outranks availability, whatever the score.

export const SKILL_WEIGHT = 0.45
export const AVAILABILITY_WEIGHT = 0.45
export const PRACTICE_WEIGHT = 0.1
/** Weeks of evidence shown and counted for a long role. */
export const MAX_EVIDENCE_WEEKS = 26

/** The suggestions' orders, default first: the page's `?order=` parameter. */
export const suggestionOrders = ['fit', 'skills'] as const
export type SuggestionOrder = (typeof suggestionOrders)[number]

/** The order a `?order=` value asks for; anything else is the default. */
export function parseSuggestionOrder(value: unknown): SuggestionOrder {
  return value === 'skills' ? 'skills' : 'fit'
}

export interface RoleNeed {
  practice: string
  allocation: number
  startDate: string
  endDate: string
  requirements: { technologyId: string; technologyName: string; minLevel: number }[]
}

export interface SuggestionCandidate {
  id: string
  name: string
  practice: string | null
  title: string | null
  /** Technology id -> level, for the required technologies this person is known to have. */
  levels: Record<string, number>
  bookings: Booking[]
  timeOff: TimeOffSpan[]
}

export interface Suggestion {
  id: string
  name: string
  practice: string | null
  title: string | null
  levels: { technologyId: string; technologyName: string; minLevel: number; level: number; meets: boolean }[]
  meetsAll: boolean
  /** Free % in each week of the role (from this week on). */
  weeks: { weekStart: string; free: number }[]
  /** Has the role's allocation free in every one of those weeks: "has the time". */
  fits: boolean
  /** The first of those weeks without the role's allocation free (null when it fits). */
  shortFrom: string | null
  skill: number
  availability: number
  samePractice: boolean
  score: number
  /** Weeks this booking would take above 100% (the over-allocation warning). */
  pushedOver: number
}

export function roleWeeks(need: Pick<RoleNeed, 'startDate' | 'endDate'>, today: string): string[] {
  const first = [mondayOf(need.startDate), mondayOf(today)].sort()[1]
  const last = mondayOf(need.endDate)
  const count = Math.min(MAX_EVIDENCE_WEEKS, Math.round((Date.parse(last) - Date.parse(first)) / (7 * 86_400_000)) + 1)
  return Array.from({ length: Math.max(0, count) }, (_, i) => addWeeks(first, i))
}

export function rankSuggestions(candidates: SuggestionCandidate[], need: RoleNeed, today: string, order: SuggestionOrder = 'fit'): Suggestion[] {
  const weeks = roleWeeks(need, today)
  const ranked = candidates.map((candidate): Suggestion => {
    const loads = weeks.length ? weeklyLoads(candidate.bookings, weeks[0], weeks.length, { timeOff: candidate.timeOff }) : []
    const free = loads.map((week) => ({ weekStart: week.weekStart, free: Math.max(0, 100 - usedOf(week)) }))
    const levels = need.requirements.map((requirement) => {
      const level = candidate.levels[requirement.technologyId] ?? 0
      return { ...requirement, level, meets: level >= requirement.minLevel }
    })
    const skill = levels.length ? levels.reduce((sum, { level }) => sum + Math.min(level, 5) / 5, 0) / levels.length : 0
    const availability = free.length ? free.reduce((sum, week) => sum + Math.min(week.free, need.allocation) / need.allocation, 0) / free.length : 0
    const samePractice = candidate.practice !== null && practiceKey(candidate.practice) === practiceKey(need.practice)
    const impact = allocationImpact(candidate.bookings, { projectId: '', start: need.startDate, end: need.endDate, allocation: need.allocation, tentative: false }, today, { timeOff: candidate.timeOff })
    return {
      id: candidate.id,
      name: candidate.name,
      practice: candidate.practice,
      title: candidate.title,
      levels,
      meetsAll: levels.every((level) => level.meets),
      weeks: free,
      fits: free.every((week) => week.free >= need.allocation),
      shortFrom: free.find((week) => week.free < need.allocation)?.weekStart ?? null,
      skill: round(skill),
      availability: round(availability),
      samePractice,
      score: round(SKILL_WEIGHT * skill + AVAILABILITY_WEIGHT * availability + PRACTICE_WEIGHT * (samePractice ? 1 : 0)),
      pushedOver: impact.pushedOver.length,
    }
  })
  const first = order === 'skills' ? (s: Suggestion) => Number(s.meetsAll) : (s: Suggestion) => Number(s.meetsAll) + Number(s.fits)
  return ranked.sort((a, b) => first(b) - first(a) || b.score - a.score || meanFree(b) - meanFree(a) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

/** Between equal scores, whoever has more time free over the role's weeks. */
const meanFree = (suggestion: Suggestion) => (suggestion.weeks.length ? suggestion.weeks.reduce((sum, week) => sum + week.free, 0) / suggestion.weeks.length : 0)

const round = (value: number) => Math.round(value * 1000) / 1000
