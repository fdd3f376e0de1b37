import { practiceKey, type CapacityView, type CapacityWeek } from '../digests/capacity-figures'
import { addWeeks, mondayOf } from '../load/allocation'
import type { PlannerColumn } from './grid'

// A planner group's figures for the whole practice, not the people on the page: its headcount and,
// per column, its booked share of capacity and its free hours, from the capacity digests (the same
// weekly hours /capacity and /utilization show).

export interface PracticeColumnFigures {
  /** Booked hours (tentative too when counted) as a percent of capacity (time off deducted). */
  booked: number
  bookedHours: number
  freeHours: number
  capacityHours: number
}

export interface PracticeFigures {
  people: number
  /** Per column; null where the digests do not cover the whole column (they hold 26 weeks from this one). */
  columns: (PracticeColumnFigures | null)[]
}

/** A week counts in the month its Thursday falls in (as /utilization counts months). */
const thursdayOf = (weekStart: string) => new Date(Date.parse(`${weekStart}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10)

export function practiceFigures(capacity: CapacityView, practice: string, columns: Pick<PlannerColumn, 'start' | 'end'>[], includeTentative: boolean): PracticeFigures {
  const key = practiceKey(practice)
  const entry = capacity.practices.find((candidate) => candidate.key === key)
  if (!entry) return { people: 0, columns: columns.map(() => null) }
  const byWeek = new Map(entry.weeks.map((week) => [week.weekStart, week]))
  return {
    people: entry.people,
    columns: columns.map((column) => {
      const weeks: CapacityWeek[] = []
      // The Mondays whose weeks the column counts: a week column is one Monday; a month, the weeks whose Thursday is in it.
      for (let monday = mondayOf(column.start); monday <= column.end; monday = addWeeks(monday, 1)) {
        const thursday = thursdayOf(monday)
        if (thursday < column.start || thursday > column.end) continue
        const week = byWeek.get(monday)
        if (!week) return null
        weeks.push(week)
      }
      if (!weeks.length) return null
      const capacityHours = weeks.reduce((sum, week) => sum + week.capacity, 0)
      const bookedHours = weeks.reduce((sum, week) => sum + week.confirmed + (includeTentative ? week.tentative : 0), 0)
      return {
        booked: capacityHours > 0 ? Math.round((bookedHours / capacityHours) * 100) : 0,
        bookedHours: Math.round(bookedHours),
        freeHours: Math.max(0, Math.round(capacityHours - bookedHours)),
        capacityHours: Math.round(capacityHours),
      }
    }),
  }
}
