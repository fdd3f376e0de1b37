import type { FinanceEntry, FinanceMonth, FinanceRisk } from '../db/entities/digests'
import { percentOf, projectFinancials, shareOf, workFigures, workUnits, type ProjectMoneyInput } from './figures'

// The firm's money by month (/finance), from one digest entry per project: its revenue and cost per
// month, confirmed and tentative apart, and the day its budget runs out. Entries hold the months from
// the one they were derived in, up to FINANCE_MONTHS ahead; a summary adds up its shard's entries.
// Revenue as on the project page: hours × rates for time and materials; a fixed fee shared out over the
// project's confirmed hours, counted exactly and rounded cumulatively, so its months add up to the fee;
// nothing for non-billable work. Tentative work adds revenue only on time and materials.

/** Months /finance shows, from this one. */
export const FINANCE_MONTHS = 12
/** Projects at risk a summary lists; the count covers them all. */
export const RISK_LIST_LENGTH = 12

export const monthOf = (date: string) => date.slice(0, 7)

/** `count` months (YYYY-MM) from the month of `from`. */
export function monthsFrom(from: string, count: number): string[] {
  const [year, month] = from.split('-').map(Number)
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(year, month - 1 + i, 1)).toISOString().slice(0, 7))
}

const firstDay = (month: string) => `${month}-01`
const lastDay = (month: string) => {
  const [year, m] = month.split('-').map(Number)
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10)
}

export interface FinanceProject extends ProjectMoneyInput {
  clientId: string
  name: string
  clientName: string
  status: string
}

/** A project's digest entry as of `today`: undefined when it has no money in the months ahead and no overrun. */
export function projectFinanceEntry(project: FinanceProject, today: string): FinanceEntry | undefined {
  const financials = projectFinancials(project, today)
  const until = financials.forecastUntil
  const start = project.work.reduce((min, work) => (work.startDate < min ? work.startDate : min), project.startDate)
  const confirmedWork = project.work.filter((work) => !work.tentative)
  const confirmedUnits = (from: string, to: string) => confirmedWork.reduce((sum, work) => sum + workUnits(work, from, to), 0n)
  const fee = project.pricing === 'fixed_price' ? financials.revenue.forecast : 0
  const allUnits = confirmedUnits(start, until)
  // A fixed fee shared out by cumulative rounding: the months add up to the fee exactly.
  const earnedThrough = (date: string) => shareOf(fee, confirmedUnits(start, date), allUnits)
  const months: Record<string, FinanceMonth> = {}
  for (const month of monthsFrom(today, FINANCE_MONTHS + 1)) {
    if (firstDay(month) > until) break
    const to = lastDay(month) < until ? lastDay(month) : until
    const sum = (tentative: boolean) =>
      project.work.filter((work) => work.tentative === tentative).reduce(
        (total, work) => {
          const figures = workFigures(work, firstDay(month), to)
          return { billable: total.billable + figures.billable, cost: total.cost + figures.cost }
        },
        { billable: 0, cost: 0 },
      )
    const confirmed = sum(false)
    const tentative = sum(true)
    const revenue =
      project.pricing === 'time_and_materials'
        ? { r: confirmed.billable, rt: tentative.billable }
        : project.pricing === 'fixed_price'
          ? { r: earnedThrough(to) - earnedThrough(dayBefore(firstDay(month))), rt: 0 }
          : { r: 0, rt: 0 }
    const figures = { ...revenue, c: confirmed.cost, ct: tentative.cost }
    if (figures.r || figures.rt || figures.c || figures.ct) months[month] = figures
  }
  const runsOut = project.status !== 'completed' ? (financials.budget?.runsOutOn ?? '') : ''
  if (Object.keys(months).length === 0 && !runsOut) return undefined
  return { c: project.clientId, n: project.name, cn: project.clientName, s: project.status, m: months, o: runsOut }
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

export interface FinanceSummary {
  /** The first month it adds up. */
  from: string
  months: Record<string, FinanceMonth>
  risks: { count: number; first: FinanceRisk[] }
}

const byRunOut = (a: FinanceRisk, b: FinanceRisk) => a.o.localeCompare(b.o) || a.n.localeCompare(b.n) || a.id.localeCompare(b.id)

/** A shard's months from the month of `today`, and its projects at risk (soonest first). */
export function summariseFinance(set: { projects?: Record<string, FinanceEntry> }, today: string): FinanceSummary {
  const from = monthOf(today)
  const months: Record<string, FinanceMonth> = {}
  const risks: FinanceRisk[] = []
  for (const [id, entry] of Object.entries(set.projects ?? {})) {
    for (const [month, figures] of Object.entries(entry.m)) {
      if (month < from) continue
      const total = (months[month] ??= { r: 0, rt: 0, c: 0, ct: 0 })
      total.r += figures.r
      total.rt += figures.rt
      total.c += figures.c
      total.ct += figures.ct
    }
    if (entry.o) risks.push({ id, c: entry.c, n: entry.n, cn: entry.cn, o: entry.o })
  }
  return { from, months, risks: { count: risks.length, first: risks.sort(byRunOut).slice(0, RISK_LIST_LENGTH) } }
}

export interface FinanceMonthView {
  month: string
  revenue: number
  cost: number
  /** Revenue and cost of tentative work, on top. */
  tentativeRevenue: number
  tentativeCost: number
  margin: number | null
  marginWithTentative: number | null
}

export interface FinanceView {
  months: FinanceMonthView[]
  total: FinanceMonthView
  risks: { count: number; first: FinanceRisk[] }
  /** Summaries derived before this month (their months are still counted; the daily refresh brings them forward). */
  stale: number
}

const monthView = (month: string, figures: FinanceMonth): FinanceMonthView => ({
  month,
  revenue: figures.r,
  cost: figures.c,
  tentativeRevenue: figures.rt,
  tentativeCost: figures.ct,
  margin: percentOf(figures.r - figures.c, figures.r),
  marginWithTentative: percentOf(figures.r + figures.rt - figures.c - figures.ct, figures.r + figures.rt),
})

/** The shards' summaries added up for `count` months from the month of `today`. */
export function mergeFinance(summaries: FinanceSummary[], today: string, count: number = FINANCE_MONTHS): FinanceView {
  const months = monthsFrom(today, count)
  const sums = new Map(months.map((month) => [month, { r: 0, rt: 0, c: 0, ct: 0 }]))
  const risks: FinanceRisk[] = []
  let riskCount = 0
  for (const summary of summaries) {
    for (const [month, figures] of Object.entries(summary.months)) {
      const total = sums.get(month)
      if (!total) continue
      total.r += figures.r
      total.rt += figures.rt
      total.c += figures.c
      total.ct += figures.ct
    }
    riskCount += summary.risks.count
    risks.push(...summary.risks.first)
  }
  const all = { r: 0, rt: 0, c: 0, ct: 0 }
  for (const figures of sums.values()) for (const key of ['r', 'rt', 'c', 'ct'] as const) all[key] += figures[key]
  return {
    months: months.map((month) => monthView(month, sums.get(month)!)),
    total: monthView(`${months[0]}..${months.at(-1)}`, all),
    risks: { count: riskCount, first: risks.sort(byRunOut).slice(0, RISK_LIST_LENGTH) },
    stale: summaries.filter((summary) => summary.from < monthOf(today)).length,
  }
}
