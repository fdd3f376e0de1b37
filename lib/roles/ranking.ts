import type { Booking } from '../dto'
import { practiceKey } from '../digests/capacity-figures'
import { addWeeks, allocationImpact, mondayOf, usedOf, weeklyLoads, type TimeOffSpan } from '../load/allocation'

// Who should fill an unfilled role: pure, so the suggestions screen ranks exactly as the tests do.
// Three things count, each from 0 to 1, and add up to the score shown:
// - skill (45%): the average of level/5 over the required technologies (none known: 0);
// - availability (45%): the average, over the role's weeks from this one on, of how much of the
//   role's allocation the person has free that week (time off counts as not free);
// - practice (10%): the person is in the role's practice.
// Whoever meets every minimum level comes before whoever does not, whatever their score.

export const SKILL_WEIGHT = 0.45
export const AVAILABILITY_WEIGHT = 0.45
export const PRACTICE_WEIGHT = 0.1
/** Weeks of evidence shown and counted for a long role. */
export const MAX_EVIDENCE_WEEKS = 26

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
  fits: boolean
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

export function rankSuggestions(candidates: SuggestionCandidate[], need: RoleNeed, today: string): Suggestion[] {
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
      skill: round(skill),
      availability: round(availability),
      samePractice,
      score: round(SKILL_WEIGHT * skill + AVAILABILITY_WEIGHT * availability + PRACTICE_WEIGHT * (samePractice ? 1 : 0)),
      pushedOver: impact.pushedOver.length,
    }
  })
  return ranked.sort((a, b) => Number(b.meetsAll) - Number(a.meetsAll) || b.score - a.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}

const round = (value: number) => Math.round(value * 1000) / 1000
