import type { Booking } from '../dto'
import { addWeeks, mondayOf, usedOf, weeklyLoads, type TimeOffSpan } from '../load/allocation'

// Who to staff: each candidate's free capacity over the assignment's dates and their levels in the
// project's technologies, best first. Pure, so the person picker ranks as the tests do.

export interface CandidateInput {
  id: string
  name: string
  bookings: Booking[]
  /** Time off takes capacity away over the assignment's dates. */
  timeOff?: TimeOffSpan[]
  /** Technology id -> level 1–5. */
  skillLevels: Record<string, number>
}

export interface RankedCandidate<C extends CandidateInput> {
  candidate: C
  /** The least free capacity in any week of the assignment (from this week on), in percent. */
  freeMin: number
  /** Free capacity averaged over those weeks, in percent. */
  freeAverage: number
  /** Has room for the allocation asked in every week. */
  fits: boolean
  /** The candidate's level in each of the project's technologies (0: none). */
  levels: { technologyId: string; technologyName: string; level: number }[]
}

/** Weeks an open-ended assignment is checked for. */
export const OPEN_ENDED_WEEKS = 12

export function rankCandidates<C extends CandidateInput>(
  candidates: C[],
  need: { start: string; end: string | null; allocation: number; stack: { technologyId: string; technologyName: string }[]; today: string },
): RankedCandidate<C>[] {
  const first = [mondayOf(need.start), mondayOf(need.today)].sort()[1]
  const last = mondayOf(need.end && need.end >= need.start ? need.end : addWeeks(need.start, OPEN_ENDED_WEEKS - 1))
  const weeks = Math.max(1, Math.round((Date.parse(last) - Date.parse(first)) / (7 * 86_400_000)) + 1)
  const ranked = candidates.map((candidate) => {
    const free = weeklyLoads(candidate.bookings, first, weeks, { timeOff: candidate.timeOff }).map((week) => Math.max(0, 100 - usedOf(week)))
    const freeMin = Math.min(...free)
    const freeAverage = Math.round(free.reduce((sum, value) => sum + value, 0) / free.length)
    const levels = need.stack.map(({ technologyId, technologyName }) => ({ technologyId, technologyName, level: candidate.skillLevels[technologyId] ?? 0 }))
    return { candidate, freeMin, freeAverage, fits: freeMin >= need.allocation, levels }
  })
  const skill = (entry: RankedCandidate<C>) => entry.levels.reduce((sum, { level }) => sum + level, 0)
  return ranked.sort(
    (a, b) => Number(b.fits) - Number(a.fits) || skill(b) - skill(a) || b.freeAverage - a.freeAverage || a.candidate.name.localeCompare(b.candidate.name),
  )
}
