import type { FormattedItem } from 'dynamodb-toolbox'
import type {
  AssignmentEntity,
  ClientEntity,
  EmployeeEntity,
  ProjectEntity,
  SkillEntity,
  StackEntryEntity,
  TechnologyEntity,
  UnfilledRoleEntity,
} from './db/entities'
import type { AssignmentStatus, BudgetKind, ClientStatus, PricingModel, ProjectStatus, RateSource, TimeOffKind } from './db/entities/enums'

// Plain objects handed to pages, actions and route handlers: no keys, no toolbox types.

export interface ClientSummary {
  id: string
  name: string
  industry: string
  contactEmail: string
  status: ClientStatus
  projectCount: number
  staffedCount: number
  version: number
  createdAt: string
  updatedAt: string
}

export interface AssignmentView {
  id: string
  clientId: string
  clientName: string
  projectId: string
  projectName: string
  employeeId: string
  employeeName: string
  role: string
  allocation: number
  startDate: string
  endDate: string | null
  status: AssignmentStatus
  version: number
  /** For those who see money only (lib/authorization.ts 'see-money'). */
  money?: AssignmentMoney
}

/** An assignment's rates, as managers see them. Minor units per hour. */
export interface AssignmentMoney {
  /** The rate it charges, and where that came from. */
  rate: number
  rateSource: RateSource
  /** Its own rate, when one is set. */
  rateOverride: number | null
  /** Its person's cost rate. */
  cost: number
  /** False until its sync has copied the rates on (it counts nothing until then). */
  priced: boolean
}

export interface StackEntryView {
  clientId: string
  clientName: string
  projectId: string
  projectName: string
  technologyId: string
  technologyName: string
  technologyCategory: string
  note: string
}

export interface ProjectSummary {
  id: string
  clientId: string
  clientName: string
  name: string
  description: string
  status: ProjectStatus
  startDate: string
  endDate: string | null
  pricing: PricingModel
  /** For those who see money only: a money budget in minor units, or hours. */
  budget: { kind: BudgetKind; amount: number } | null
  version: number
}

export interface ProjectDetail extends ProjectSummary {
  /** For those who see money only; `nextFourWeeks` is what the client dashboard adds up. */
  financials?: ProjectFinancials & { nextFourWeeks: { from: string; to: string; billings: number; cost: number } }
  /** The project's own rates per role title (minor units per hour), for those who see money. */
  rates?: { role: string; rate: number }[]
  assignments: AssignmentView[]
  stack: StackEntryView[]
  /** Unfilled roles (placeholders): demand not yet given to anyone. */
  roles: UnfilledRoleView[]
}

export interface Booking {
  assignmentId: string
  clientId: string
  projectId: string
  start: string
  end: string | null
  allocation: number
  tentative: boolean
  /** False for work on a non-billable project (absent: billable). */
  billable?: boolean
}

export interface TimeOff {
  id: string
  kind: TimeOffKind
  start: string
  end: string
  note?: string
}

export interface EmployeeSummary {
  id: string
  name: string
  email: string
  title: string
  practice: string
  location: string
  capacityHours: number
  /** For those who see money only: what an hour of them costs, minor units. */
  costRate?: number | null
  bookings: Booking[]
  timeOff: TimeOff[]
  skillIds: string[]
  /** Technology id -> level 1–5 (the person picker shows levels in the project's technologies). */
  skillLevels: Record<string, number>
  version: number
}

export interface SkillView {
  employeeId: string
  employeeName: string
  technologyId: string
  technologyName: string
  level: number
  bookings: Booking[]
  timeOff: TimeOff[]
}

export interface TechnologySummary {
  id: string
  name: string
  category: 'language' | 'framework' | 'database' | 'cloud' | 'tool' | 'other'
  projectCount: number
  peopleCount: number
  version: number
}

type ClientItem = FormattedItem<typeof ClientEntity>
type ProjectItem = FormattedItem<typeof ProjectEntity>
type AssignmentItem = FormattedItem<typeof AssignmentEntity>
type StackEntryItem = FormattedItem<typeof StackEntryEntity>
type EmployeeItem = FormattedItem<typeof EmployeeEntity>
type SkillItem = FormattedItem<typeof SkillEntity>
type TechnologyItem = FormattedItem<typeof TechnologyEntity>

export function toClientSummary(item: ClientItem): ClientSummary {
  return {
    id: item.id,
    name: item.name,
    industry: item.industry,
    contactEmail: item.contactEmail,
    status: item.status,
    projectCount: item.projectCount,
    staffedCount: item.staffedCount,
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  }
}

/** A project's budget as stored; a budget from before pricing existed was whole currency units. */
export function budgetOf(item: Pick<ProjectItem, 'budget' | 'budgetKind' | 'budgetAmount'>): { kind: BudgetKind; amount: number } | null {
  if (item.budgetAmount !== undefined) return { kind: item.budgetKind ?? 'money', amount: item.budgetAmount }
  if (item.budget !== undefined) return { kind: 'money', amount: Math.round(item.budget * 100) }
  return null
}

/** `money`: whether the reader may see money (lib/authorization.ts 'see-money'); else the budget is left out. */
export function toProjectSummary(item: ProjectItem, { money = false }: { money?: boolean } = {}): ProjectSummary {
  return {
    id: item.id,
    clientId: item.clientId,
    clientName: item.clientName,
    name: item.name,
    description: item.description,
    status: item.status,
    startDate: item.startDate,
    endDate: item.endDate ?? null,
    pricing: item.pricing ?? 'time_and_materials',
    budget: money ? budgetOf(item) : null,
    version: item.version,
  }
}

/** What every edge in a project's partition carries of where it stands: its id and its project's and client's names. */
const projectEdgeFields = ['id', 'clientId', 'clientName', 'projectId', 'projectName'] as const

export function toAssignmentView(item: AssignmentItem, { money = false }: { money?: boolean } = {}): AssignmentView {
  const view: AssignmentView = {
    ...pick(item, projectEdgeFields),
    employeeId: item.employeeId,
    employeeName: item.employeeName,
    role: item.role,
    allocation: item.allocation,
    startDate: item.startDate,
    endDate: item.endDate ?? null,
    status: item.status,
    version: item.version,
  }
  if (money) {
    view.money = {
      rate: item.money?.rate ?? 0,
      rateSource: item.money?.rateSource ?? 'none',
      rateOverride: item.rateOverride ?? null,
      cost: item.money?.cost ?? 0,
      priced: item.money !== undefined,
    }
  }
  return view
}

export function toStackEntryView(item: StackEntryItem): StackEntryView {
  return {
    clientId: item.clientId,
    clientName: item.clientName,
    projectId: item.projectId,
    projectName: item.projectName,
    technologyId: item.technologyId,
    technologyName: item.technologyName,
    technologyCategory: item.technologyCategory,
    note: item.note,
  }
}

/** The bookings map (assignment id -> booking) as a list in start-date order. */
export type StoredBookings = Record<string, Omit<Booking, 'assignmentId' | 'end'> & { end?: string }>

export function toBookings(bookings: StoredBookings | undefined): Booking[] {
  return Object.entries(bookings ?? {})
    .map(([assignmentId, booking]) => ({ assignmentId, ...booking, end: booking.end ?? null }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.assignmentId.localeCompare(b.assignmentId))
}

export type StoredTimeOff = Record<string, Omit<TimeOff, 'id'>>

export function toTimeOff(timeOff: StoredTimeOff | undefined): TimeOff[] {
  return Object.entries(timeOff ?? {})
    .map(([id, entry]) => ({ id, ...entry }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
}

export function toEmployeeSummary(item: EmployeeItem, { money = false }: { money?: boolean } = {}): EmployeeSummary {
  return {
    ...(money ? { costRate: item.costRate ?? null } : {}),
    id: item.id,
    name: item.name,
    email: item.email,
    title: item.title,
    practice: item.practice,
    location: item.location,
    capacityHours: item.capacityHours,
    bookings: toBookings(item.bookings),
    timeOff: toTimeOff(item.timeOff),
    skillIds: item.skillIds,
    skillLevels: item.skills ?? {},
    version: item.version,
  }
}

export function toSkillView(item: SkillItem): SkillView {
  return {
    employeeId: item.employeeId,
    employeeName: item.employeeName,
    technologyId: item.technologyId,
    technologyName: item.technologyName,
    level: item.level,
    bookings: toBookings(item.employeeBookings),
    timeOff: toTimeOff(item.employeeTimeOff),
  }
}

export function toTechnologySummary(item: TechnologyItem): TechnologySummary {
  return { id: item.id, name: item.name, category: item.category, projectCount: item.projectCount, peopleCount: item.peopleCount, version: item.version }
}

/** Orders assignments by start date, then employee name, so every view lists them the same way. */
export function byStartThenName(a: AssignmentView, b: AssignmentView): number {
  return a.startDate.localeCompare(b.startDate) || a.employeeName.localeCompare(b.employeeName)
}

export type ProjectSectionData = Pick<ProjectDetail, 'id' | 'clientId' | 'name' | 'status' | 'startDate' | 'endDate'> & {
  assignments: Pick<AssignmentView, 'id' | 'employeeId' | 'employeeName' | 'role' | 'allocation' | 'startDate' | 'endDate' | 'status'>[]
  stack: Pick<StackEntryView, 'technologyId' | 'technologyName' | 'note'>[]
  roles: Pick<UnfilledRoleView, 'id' | 'role' | 'practice' | 'requirements' | 'allocation' | 'startDate' | 'endDate' | 'status' | 'fillingWith'>[]
}

/** The named fields of an item and nothing else: what a view sends to the browser is chosen, not filtered. */
export function pick<T extends object, K extends keyof T>(item: T, keys: readonly K[]): Pick<T, K> {
  // Object.fromEntries cannot carry the keys' types; every key of K is set from the item just above.
  return Object.fromEntries(keys.map((key) => [key, item[key]])) as Pick<T, K>
}

/** What a dashboard section shows of a project, and nothing else: what the dashboard sends to the browser. */
export function toProjectSectionData(project: ProjectDetail): ProjectSectionData {
  return {
    ...pick(project, ['id', 'clientId', 'name', 'status', 'startDate', 'endDate']),
    assignments: project.assignments.map((assignment) => pick(assignment, ['id', 'employeeId', 'employeeName', 'role', 'allocation', 'startDate', 'endDate', 'status'])),
    stack: project.stack.map((entry) => pick(entry, ['technologyId', 'technologyName', 'note'])),
    roles: project.roles.map((role) => pick(role, ['id', 'role', 'practice', 'requirements', 'allocation', 'startDate', 'endDate', 'status', 'fillingWith'])),
  }
}

/** An unfilled role as screens show it. */
export interface UnfilledRoleView {
  id: string
  clientId: string
  clientName: string
  projectId: string
  projectName: string
  role: string
  practice: string
  requirements: { technologyId: string; technologyName: string; minLevel: number }[]
  allocation: number
  startDate: string
  endDate: string
  status: AssignmentStatus
  /** Whom an "Assign" in progress is making it an assignment of. */
  fillingWith: string | null
  version: number
}

export function toUnfilledRoleView(item: FormattedItem<typeof UnfilledRoleEntity>): UnfilledRoleView {
  return {
    ...pick(item, projectEdgeFields),
    role: item.role,
    practice: item.practice,
    requirements: item.requirements.map(({ technologyId, technologyName, minLevel }) => ({ technologyId, technologyName, minLevel })),
    allocation: item.allocation,
    startDate: item.startDate,
    endDate: item.endDate,
    status: item.status,
    fillingWith: item.fillToken ? (item.fillEmployeeName ?? 'someone') : null,
    version: item.version,
  }
}

// Money figures (lib/money/figures.ts computes them): minor units and hours.

export interface PeriodFigures {
  /** Hours, to a tenth. */
  hours: number
  /** Value of the hours at the charge-out rate (0 when not billed), minor units. */
  billable: number
  /** People cost, minor units. */
  cost: number
}

export interface ProjectFinancials {
  pricing: PricingModel
  /** The last day the forecast counts (the project's end, the latest assignment's end, or a year from today). */
  forecastUntil: string
  /** Confirmed work up to and including today, and from tomorrow to `forecastUntil`. */
  toDate: PeriodFigures
  remaining: PeriodFigures
  forecast: PeriodFigures
  /** Tentative work over the same span, not counted in the figures above. */
  tentative: PeriodFigures
  /** Revenue: billable value for time and materials, the fee for fixed price, 0 for non-billable. */
  revenue: { toDate: number; forecast: number }
  profit: number
  /** Profit over revenue, per cent to a tenth (null without revenue). */
  margin: number | null
  /** Fixed price: the fee over the forecast hours, minor units per hour (null without hours). */
  effectiveRate: number | null
  budget: null | {
    kind: BudgetKind
    amount: number
    used: number
    remaining: number
    /** Forecast consumption (confirmed work to the end of the forecast). */
    forecast: number
    /** The first day confirmed work takes consumption past the budget (null if it never does). */
    runsOutOn: string | null
    /** Monday of that day's week. */
    runsOutWeek: string | null
  }
  /** Assignments whose money copy has not been written yet (they count nothing until their sync runs). */
  unpriced: number
}

