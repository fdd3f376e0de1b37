import 'server-only'
import type { FormattedItem } from '../db'
import { EmployeeEntity, GetItemCommand, writeDerived } from '../db'
import { authorize, type Actor } from '../authorization'
import { updateAggregate } from '../aggregates/update'
import { toTimeOff, type TimeOff } from '../dto'
import { notFound } from '../errors'
import { idForKey } from '../ids'
import { runAsJob } from '../jobs/runner'
import { parseInput } from '../validation'
import { employeeFigures } from '../aggregates/employee-figures'
import { copyBookingsToSkills } from '../edges/skill'
import { refreshMoneyOfPerson } from '../edges/assignment-money'
import { removeTimeOffInput, timeOffInput } from './schemas'
import { syncPersonOverview } from '../digests/overview-sync'

// Time off is an entry in the person's own `timeOff` map: one conditional UpdateItem records or
// removes it (and bumps aggRev). The overview's loadSpans and the copies on the person's skills
// follow, in a job: if the process dies in between, the sweep refreshes them from the person's item.

/** Brings the figures and the skill copies up to date with the person's item (the job's resume step). */
export async function refreshTimeOffCopies(employeeId: string): Promise<void> {
  const { Item } = await EmployeeEntity.build(GetItemCommand).key({ id: employeeId }).options({ consistent: true }).send()
  if (!Item || Item.deletingAt) return
  await writeDerived(EmployeeEntity, Item, employeeFigures(Item))
  await copyBookingsToSkills(Item)
  await refreshMoneyOfBookings(Item)
  await syncPersonOverview(employeeId)
}

/** Time off takes hours (and money) off the person's assignments: their money copies and projects' money follow. */
const refreshMoneyOfBookings = (employee: FormattedItem<typeof EmployeeEntity>) => refreshMoneyOfPerson(employee)

async function changeTimeOff(employeeId: string, entryId: string, value: Omit<TimeOff, 'id'> | undefined) {
  return runAsJob('sync-time-off', `${employeeId}#${entryId}`, { employeeId }, async () => {
    const item = await updateAggregate('employee', employeeId, [{ map: 'timeOff', entry: entryId, value }])
    if (!item || item.deletingAt) throw notFound('employee', employeeId)
    await Promise.all([copyBookingsToSkills(item), refreshMoneyOfBookings(item)])
    await syncPersonOverview(employeeId)
    return item
  })
}

/** Records time off for a person: a manager for anyone, an employee for themselves. */
export async function addTimeOff(actor: Actor | null, input: unknown): Promise<TimeOff> {
  authorize(actor, 'read')
  const { employeeId, kind, startDate, endDate, note, idempotencyKey } = parseInput(timeOffInput, input, 'time off')
  authorize(actor, 'edit-time-off', { employeeId })
  // The id follows the idempotency key, so a retried request sets the same entry again.
  const id = idForKey('time-off', idempotencyKey)
  const entry = { kind, start: startDate, end: endDate, ...(note ? { note } : {}) }
  const item = await changeTimeOff(employeeId, id, entry)
  return toTimeOff(item.timeOff).find((timeOff) => timeOff.id === id)!
}

export async function removeTimeOff(actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, 'read')
  const { employeeId, timeOffId } = parseInput(removeTimeOffInput, input, 'time off')
  authorize(actor, 'edit-time-off', { employeeId })
  const { Item } = await EmployeeEntity.build(GetItemCommand).key({ id: employeeId }).options({ consistent: true }).send()
  if (!Item || Item.deletingAt) throw notFound('employee', employeeId)
  if (!(timeOffId in (Item.timeOff ?? {}))) throw notFound('time off', timeOffId)
  await changeTimeOff(employeeId, timeOffId, undefined)
}
