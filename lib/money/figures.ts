import type { BudgetKind, PricingModel, RateSource } from '../db/entities/enums'
import type { PeriodFigures, ProjectFinancials } from '../dto'

export type { PeriodFigures, ProjectFinancials } from '../dto'
import { normalizeName } from '../text'
import { addWeeks, fromDay, mondayOf, toDay, weekdayOf } from '../load/allocation'

// Money arithmetic: pure, exact, shared by the project page, the client dashboard, the audit and the
// tests. Amounts are integers in the currency's minor units (cents); rates are minor units per hour.
//
// An assignment's hours on a working day are its person's weekly hours × allocation ÷ 5, and none on a
// day the person is off (as everywhere in Roster). Hours and money over a period are summed exactly
// (as integers scaled by 50,000: hours × 100 × allocation % × 5 days) and rounded once, half up, to the
// minor unit per assignment and period; a project's figure is the sum of its assignments' rounded
// figures. Hours are shown to a tenth.

/** How many days a forecast runs for work with no end date (nor a project end): a year from today. */
export const OPEN_ENDED_FORECAST_DAYS = 364

/** Exact hours are counted in units of 1/SCALE of an hour. */
const SCALE = 50_000n

/** The normalised spelling a role title is keyed by on a rate card ("Senior Developer " is "senior developer"). */
export const roleKey = (role: string) => normalizeName(role)

export type RateCard = Record<string, { role: string; rate: number }>

/** The rate an assignment charges: its own, else its project's for the role, else the firm's card's; none on a non-billable project. */
export function resolveRate(input: {
  billable: boolean
  role: string
  rateOverride?: number | null
  projectRates: RateCard
  cardRates: RateCard
}): { rate: number; rateSource: RateSource } {
  if (!input.billable) return { rate: 0, rateSource: 'none' }
  if (input.rateOverride !== undefined && input.rateOverride !== null) return { rate: input.rateOverride, rateSource: 'assignment' }
  const key = roleKey(input.role)
  const project = input.projectRates[key]
  if (project) return { rate: project.rate, rateSource: 'project' }
  const card = input.cardRates[key]
  if (card) return { rate: card.rate, rateSource: 'card' }
  return { rate: 0, rateSource: 'none' }
}

/** What the money figures need of an assignment (its copy from lib/edges/assignment-money.ts). */
export interface MoneyWork {
  allocation: number
  startDate: string
  endDate: string | null
  tentative: boolean
  billable: boolean
  /** Charge-out rate, minor units per hour (0 when not billed). */
  rate: number
  /** The person's cost rate, minor units per hour. */
  cost: number
  /** The person's weekly hours. */
  hours: number
  /** The person's time off over the assignment, `start|end`. */
  off: string[]
}

/** Exact hours (in 1/SCALE h) an assignment works on each of the days `from`..`to`, as day number -> units. */
function unitsPerDay(work: MoneyWork, from: number, to: number, visit: (day: number, units: bigint) => void): void {
  const first = Math.max(from, toDay(work.startDate))
  const last = Math.min(to, work.endDate ? toDay(work.endDate) : Infinity)
  if (first > last) return
  const off = work.off.map((span) => span.split('|').map(toDay))
  const perDay = BigInt(Math.round(work.hours * 100)) * BigInt(Math.round(work.allocation))
  for (let day = first; day <= last; day++) {
    if (weekdayOf(day) >= 5) continue
    if (off.some(([start, end]) => start <= day && day <= end)) continue
    visit(day, perDay)
  }
}

/** Half up, for non-negative amounts. */
const roundUnits = (units: bigint, rate: number) => Number((units * BigInt(rate) * 2n + SCALE) / (SCALE * 2n))

const zero = (): PeriodFigures => ({ hours: 0, billable: 0, cost: 0 })

/** One assignment's exact hours from `from` to `to` (inclusive), in 1/SCALE h. */
export function workUnits(work: MoneyWork, from: string, to: string): bigint {
  let units = 0n
  if (from <= to) unitsPerDay(work, toDay(from), toDay(to), (_day, perDay) => (units += perDay))
  return units
}

/** Exact hours as shown: to a tenth, half up. */
const tenthsOf = (units: bigint) => Number((units * 10n * 2n + SCALE) / (SCALE * 2n)) / 10

/** `amount` × part ÷ whole, rounded half up (non-negative; 0 when the whole is 0). */
export function shareOf(amount: number, part: bigint, whole: bigint): number {
  return whole === 0n ? 0 : Number((BigInt(amount) * part * 2n + whole) / (whole * 2n))
}

/** One assignment's hours, billable value and cost from `from` to `to` (inclusive), each rounded once. */
export function workFigures(work: MoneyWork, from: string, to: string): PeriodFigures {
  const units = workUnits(work, from, to)
  return { hours: tenthsOf(units), billable: work.billable ? roundUnits(units, work.rate) : 0, cost: roundUnits(units, work.cost) }
}

const add = (a: PeriodFigures, b: PeriodFigures): PeriodFigures => ({ hours: Math.round((a.hours + b.hours) * 10) / 10, billable: a.billable + b.billable, cost: a.cost + b.cost })

/** Per cent to a tenth of a ratio (null when the whole is 0). */
export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10)

export interface ProjectMoneyInput {
  pricing: PricingModel
  budgetKind: BudgetKind | null
  /** Minor units for a money budget, hours for an hours budget. */
  budgetAmount: number | null
  startDate: string
  endDate: string | null
  work: (MoneyWork & { id: string })[]
}

/** A project's money figures as of `today` from its assignments' copies. */
export function projectFinancials(project: ProjectMoneyInput, today: string): ProjectFinancials {
  const confirmed = project.work.filter((work) => !work.tentative)
  const latestEnd = project.work.some((work) => !work.endDate) ? null : project.work.reduce<string | null>((max, work) => (work.endDate && (!max || work.endDate > max) ? work.endDate : max), null)
  const horizon = fromDay(toDay(today) + OPEN_ENDED_FORECAST_DAYS)
  const forecastUntil = project.endDate ?? latestEnd ?? horizon
  const start = project.work.reduce((min, work) => (work.startDate < min ? work.startDate : min), project.startDate)
  const sum = (works: MoneyWork[], from: string, to: string) => (from > to ? zero() : works.map((work) => workFigures(work, from, to)).reduce(add, zero()))
  // To date: up to and including today (or the forecast's last day, if that is past); remaining: the rest.
  const lastCounted = today < forecastUntil ? today : forecastUntil
  const toDate = sum(confirmed, start, lastCounted)
  const remaining = sum(confirmed, fromDay(Math.max(toDay(start), toDay(lastCounted) + 1)), forecastUntil)
  const forecast = add(toDate, remaining)
  const tentative = sum(project.work.filter((work) => work.tentative), start, forecastUntil)

  const fee = project.pricing === 'fixed_price' && project.budgetKind === 'money' ? (project.budgetAmount ?? 0) : 0
  // A fixed fee is earned in proportion to confirmed hours, counted exactly.
  const units = (from: string, to: string) => confirmed.reduce((sum, work) => sum + workUnits(work, from, to), 0n)
  const revenue =
    project.pricing === 'time_and_materials'
      ? { toDate: toDate.billable, forecast: forecast.billable }
      : project.pricing === 'fixed_price'
        ? { toDate: shareOf(fee, units(start, lastCounted), units(start, forecastUntil)), forecast: fee }
        : { toDate: 0, forecast: 0 }
  const profit = revenue.forecast - forecast.cost
  const effectiveRate = project.pricing === 'fixed_price' && forecast.hours > 0 ? Math.round(fee / forecast.hours) : null

  let budget: ProjectFinancials['budget'] = null
  if (project.budgetKind && project.budgetAmount !== null) {
    const kind = project.budgetKind
    // A money budget is spent at the charge-out rates, or at cost on a non-billable project (nothing is charged).
    const atCost = kind === 'money' && project.pricing === 'non_billable'
    const consumption = (figures: PeriodFigures) => (kind === 'hours' ? figures.hours : atCost ? figures.cost : figures.billable)
    const runsOutOn = budgetRunOut(confirmed, kind, project.budgetAmount, start, forecastUntil, { atCost })
    budget = {
      kind,
      amount: project.budgetAmount,
      used: consumption(toDate),
      remaining: project.budgetAmount - consumption(toDate),
      forecast: consumption(forecast),
      runsOutOn,
      runsOutWeek: runsOutOn ? mondayOf(runsOutOn) : null,
    }
  }
  return {
    pricing: project.pricing,
    forecastUntil,
    toDate,
    remaining,
    forecast,
    tentative,
    revenue,
    profit,
    margin: percentOf(profit, revenue.forecast),
    effectiveRate,
    budget,
    unpriced: 0,
  }
}

/**
 * The first day on which confirmed work, counted day by day from the project's start, passes the
 * budget: hours, or value at the charge-out rates (at cost with `atCost`). Exact (no rounding before the comparison).
 */
export function budgetRunOut(works: MoneyWork[], kind: BudgetKind, amount: number, from: string, to: string, options: { atCost?: boolean } = {}): string | null {
  const perDay = new Map<number, bigint>()
  for (const work of works) {
    const weight = kind === 'hours' ? 1n : BigInt(options.atCost ? work.cost : work.billable ? work.rate : 0)
    unitsPerDay(work, toDay(from), toDay(to), (day, units) => perDay.set(day, (perDay.get(day) ?? 0n) + units * weight))
  }
  // Units are hours × SCALE: an hours budget is compared as amount × SCALE, a money budget (units × rate) as minor units × SCALE.
  const limit = (BigInt(Math.round(amount * 100)) * SCALE) / 100n
  let total = 0n
  for (const day of [...perDay.keys()].sort((a, b) => a - b)) {
    total += perDay.get(day)!
    if (total > limit) return fromDay(day)
  }
  return null
}

/** Billings (what the client is charged), costs and margin of some projects' work over a period. */
export interface PeriodBillings {
  billings: number
  cost: number
  margin: number | null
}

/**
 * A project's billings over `from`..`to`: billable value for time and materials; for fixed price the
 * fee spread over its forecast hours (the effective rate × the period's hours); nothing for non-billable.
 */
export function projectBillings(project: ProjectMoneyInput, financials: ProjectFinancials, from: string, to: string): { billings: number; cost: number } {
  const confirmed = project.work.filter((work) => !work.tentative)
  const period = confirmed.map((work) => workFigures(work, from, to)).reduce(add, zero())
  const units = (a: string, b: string) => confirmed.reduce((sum, work) => sum + workUnits(work, a, b), 0n)
  const start = confirmed.reduce((min, work) => (work.startDate < min ? work.startDate : min), project.startDate)
  const billings =
    project.pricing === 'time_and_materials'
      ? period.billable
      : project.pricing === 'fixed_price'
        ? shareOf(financials.revenue.forecast, units(from, to < financials.forecastUntil ? to : financials.forecastUntil), units(start, financials.forecastUntil))
        : 0
  return { billings, cost: period.cost }
}

/** The four weeks a client dashboard sums: from this week's Monday, 28 days. */
export function nextFourWeeks(today: string): { from: string; to: string } {
  const from = mondayOf(today)
  return { from, to: fromDay(toDay(addWeeks(from, 4)) - 1) }
}
