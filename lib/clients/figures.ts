import { todayIso } from '../load/allocation'
import { nextFourWeeks, percentOf } from '../money/figures'
import type { ProjectDetail } from '../dto'
import { hasEnded } from '../staffing/current'

export interface ClientFigures {
  projectsByStatus: Record<string, number>
  /** People with a running or upcoming assignment; those whose assignments all ended are not counted. */
  peopleCurrentlyStaffed: number
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
      if (!hasEnded(assignment, today)) people.add(assignment.employeeId)
      if (assignment.startDate <= today && (!assignment.endDate || assignment.endDate >= today)) allocation += assignment.allocation
    }
    for (const entry of project.stack) {
      stackEntries++
      technologies.add(entry.technologyId)
    }
  }
  return { projectsByStatus, peopleCurrentlyStaffed: people.size, allocationFte: Math.round(allocation) / 100, technologies: technologies.size, assignments, stackEntries }
}

/** What a client's dashboard shows of money (managers and admins): the next four weeks, and who will overrun. */
export interface ClientMoney {
  currency: string
  from: string
  to: string
  billings: number
  cost: number
  /** Billings less costs over billings, per cent to a tenth (null without billings). */
  margin: number | null
  overruns: { projectId: string; name: string; runsOutOn: string; runsOutWeek: string; kind: 'money' | 'hours'; amount: number; forecast: number }[]
}

export function clientMoney(projects: ProjectDetail[], today: string, currency: string): ClientMoney {
  const window = nextFourWeeks(today)
  let billings = 0
  let cost = 0
  const overruns: ClientMoney['overruns'] = []
  for (const project of projects) {
    const financials = project.financials
    if (!financials) continue
    billings += financials.nextFourWeeks.billings
    cost += financials.nextFourWeeks.cost
    const budget = financials.budget
    if (budget?.runsOutOn && budget.runsOutWeek && project.status !== 'completed') {
      overruns.push({ projectId: project.id, name: project.name, runsOutOn: budget.runsOutOn, runsOutWeek: budget.runsOutWeek, kind: budget.kind, amount: budget.amount, forecast: budget.forecast })
    }
  }
  overruns.sort((a, b) => a.runsOutOn.localeCompare(b.runsOutOn))
  return { currency, ...window, billings, cost, margin: percentOf(billings - cost, billings), overruns }
}
