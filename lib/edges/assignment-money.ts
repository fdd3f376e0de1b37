import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { AssignmentEntity, EmployeeEntity, GetItemCommand, ProjectEntity, RateCardEntity, forEachBounded, readRateCard, writeMoneyCopy, type MoneyCopy } from '../db'
import { readEmployee, readProject } from '../reads'
import { resolveRate } from '../money/figures'
import { toBookings, toTimeOff } from '../dto'
import { syncProjectFinance } from '../digests/finance-sync'

// An assignment's money copy (lib/db/entities/assignment.ts): what its figures need from its project,
// its person and the firm's rate card, so that a project page or dashboard is still one Query. Its
// sync writes it from consistent reads of those items; a change to one of them refreshes the copies
// that depend on it (propagateEmployee, the project's and the card's repricing jobs).

type AssignmentItem = FormattedItem<typeof AssignmentEntity>
type ProjectItem = FormattedItem<typeof ProjectEntity>
type EmployeeItem = FormattedItem<typeof EmployeeEntity>
type CardItem = FormattedItem<typeof RateCardEntity> | null

/** The copy an assignment should hold, given its project, person and the card as they are. */
export function moneyCopyOf(
  assignment: Pick<AssignmentItem, 'role' | 'rateOverride' | 'startDate' | 'endDate'>,
  project: Pick<ProjectItem, 'pricing' | 'rates' | 'version'>,
  employee: Pick<EmployeeItem, 'costRate' | 'capacityHours' | 'timeOff' | 'version' | 'aggRev'>,
  card: Pick<NonNullable<CardItem>, 'rates' | 'version'> | null,
): MoneyCopy {
  const billable = project.pricing !== 'non_billable'
  const { rate, rateSource } = resolveRate({ billable, role: assignment.role, rateOverride: assignment.rateOverride, projectRates: project.rates ?? {}, cardRates: card?.rates ?? {} })
  const end = assignment.endDate ?? '9999-12-31'
  const off = toTimeOff(employee.timeOff)
    .filter((span) => span.start <= end && span.end >= assignment.startDate)
    .map((span) => `${span.start}|${span.end}`)
  return {
    billable,
    rate,
    rateSource,
    cost: employee.costRate ?? 0,
    hours: employee.capacityHours,
    off,
    projectVersion: project.version,
    employeeVersion: employee.version,
    employeeRev: employee.aggRev,
    cardVersion: card?.version ?? 0,
  }
}

/**
 * Refreshes the money copies of a person's assignments (after their hours, cost rate or time off
 * changed), then the money entries of their projects: all of them, since a run cut off after writing
 * the copies finds them current when it is resumed.
 */
export async function refreshMoneyOfPerson(employee: EmployeeItem): Promise<void> {
  const bookings = toBookings(employee.bookings)
  await forEachBounded(bookings, 8, async (booking) => {
    await refreshAssignmentMoney({ clientId: booking.clientId, projectId: booking.projectId, id: booking.assignmentId }, { employee })
  })
  const projects = new Map(bookings.map((booking) => [`${booking.clientId}#${booking.projectId}`, booking]))
  await forEachBounded([...projects.values()], 8, (ref) => syncProjectFinance(ref.clientId, ref.projectId))
}

/** Whether two copies say the same (their stamps aside). */
export function sameMoney(a: MoneyCopy | undefined, b: MoneyCopy): boolean {
  return (
    a !== undefined &&
    a.billable === b.billable &&
    a.rate === b.rate &&
    a.rateSource === b.rateSource &&
    a.cost === b.cost &&
    a.hours === b.hours &&
    a.off.join() === b.off.join()
  )
}

/**
 * Brings the assignment's money copy in line with its sources. `known` are items the caller has just
 * read consistently (the sync has them); a lost race reads everything again. Returns the copy held.
 */
export async function refreshAssignmentMoney(
  key: { clientId: string; projectId: string; id: string },
  known: { assignment?: AssignmentItem; project?: ProjectItem; employee?: EmployeeItem; card?: CardItem } = {},
): Promise<MoneyCopy | null> {
  let sources = known
  for (let round = 0; round < 10; round++) {
    const [assignment, project, card] = await Promise.all([
      sources.assignment ?? AssignmentEntity.build(GetItemCommand).key(key).options({ consistent: true }).send().then(({ Item }) => Item ?? null),
      sources.project ?? readProject(key.clientId, key.projectId),
      sources.card !== undefined ? sources.card : readRateCard(),
    ])
    if (!assignment || !project) return null
    const employee = sources.employee ?? (await readEmployee(assignment.employeeId))
    if (!employee) return null
    const copy = moneyCopyOf(assignment, project, employee, card)
    if (sameMoney(assignment.money, copy)) return assignment.money!
    if (await writeMoneyCopy(key, copy, assignment.version)) return copy
    sources = {}
  }
  throw new Error(`The money copy of assignment ${key.id} kept changing while it was being refreshed`)
}
