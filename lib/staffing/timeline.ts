import { addWeeks, mondayOf, weeklyLoads, type Booking, type TimeOffSpan, type WeekLoad } from '../load/allocation'
import type { AssignmentView } from '../dto'

export interface TimelineBar {
  assignment: AssignmentView
  /** First and last week column (0-based, inclusive) the bar covers inside the window. */
  fromWeek: number
  toWeek: number
}

export interface Timeline {
  weeks: string[]
  bars: TimelineBar[]
  totals: { withTentative: WeekLoad[]; confirmedOnly: WeekLoad[] }
}

function weekIndex(firstMonday: string, isoDate: string): number {
  return Math.round((Date.parse(`${mondayOf(isoDate)}T00:00:00Z`) - Date.parse(`${firstMonday}T00:00:00Z`)) / (7 * 86_400_000))
}

/**
 * The next `weeks` weeks from the week of `today`: one bar per assignment in the window, and weekly
 * totals (booked, and time off, which takes capacity away).
 */
export function buildTimeline(assignments: AssignmentView[], today: string, weeks = 26, timeOff: TimeOffSpan[] = []): Timeline {
  const firstMonday = mondayOf(today)
  const weekStarts = Array.from({ length: weeks }, (_, i) => addWeeks(firstMonday, i))
  const bars = assignments
    .map((assignment) => ({
      assignment,
      fromWeek: Math.max(0, weekIndex(firstMonday, assignment.startDate)),
      toWeek: Math.min(weeks - 1, assignment.endDate ? weekIndex(firstMonday, assignment.endDate) : weeks - 1),
    }))
    .filter((bar) => bar.fromWeek <= bar.toWeek && bar.toWeek >= 0 && bar.fromWeek < weeks)
  const bookings: Booking[] = assignments.map((a) => ({ projectId: a.projectId, start: a.startDate, end: a.endDate, allocation: a.allocation, tentative: a.status === 'tentative' }))
  return {
    weeks: weekStarts,
    bars,
    totals: {
      withTentative: weeklyLoads(bookings, firstMonday, weeks, { timeOff }),
      confirmedOnly: weeklyLoads(bookings, firstMonday, weeks, { includeTentative: false, timeOff }),
    },
  }
}

export type AssignmentPhase = 'current' | 'upcoming' | 'past'

export function phaseOf(assignment: AssignmentView, today: string): AssignmentPhase {
  if (assignment.endDate && assignment.endDate < today) return 'past'
  if (assignment.startDate > today) return 'upcoming'
  return 'current'
}

/** Current first, then upcoming (soonest first), then past (most recent first). */
export function groupAssignments(assignments: AssignmentView[], today: string): Record<AssignmentPhase, AssignmentView[]> {
  const groups: Record<AssignmentPhase, AssignmentView[]> = { current: [], upcoming: [], past: [] }
  for (const assignment of assignments) groups[phaseOf(assignment, today)].push(assignment)
  groups.past.reverse()
  return groups
}
