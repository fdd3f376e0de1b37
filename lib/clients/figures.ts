import { todayIso } from '../load/allocation'
import type { ProjectDetail } from '../dto'

export interface ClientFigures {
  projectsByStatus: Record<string, number>
  peopleStaffed: number
  /** Sum of today's running allocations in full-time equivalents (100% = 1 FTE). */
  allocationFte: number
  technologies: number
  assignments: number
  stackEntries: number
}

/** Figures for the dashboard header, computed from the one dashboard query's result. */
export function clientFigures(projects: ProjectDetail[], today: string = todayIso()): ClientFigures {
  const projectsByStatus: Record<string, number> = {}
  const people = new Set<string>()
  const technologies = new Set<string>()
  let allocation = 0
  let assignments = 0
  let stackEntries = 0
  for (const project of projects) {
    projectsByStatus[project.status] = (projectsByStatus[project.status] ?? 0) + 1
    for (const assignment of project.assignments) {
      assignments++
      people.add(assignment.employeeId)
      if (assignment.startDate <= today && (!assignment.endDate || assignment.endDate >= today)) allocation += assignment.allocation
    }
    for (const entry of project.stack) {
      stackEntries++
      technologies.add(entry.technologyId)
    }
  }
  return { projectsByStatus, peopleStaffed: people.size, allocationFte: Math.round(allocation) / 100, technologies: technologies.size, assignments, stackEntries }
}
