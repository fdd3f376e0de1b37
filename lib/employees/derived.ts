import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { SkillEntity, entityNames, forEachBounded, getDb, isConditionalCheckFailed, keyOf } from '../db'
import { toBookings, type Booking, type StoredBookings } from '../dto'

/** Figures stored on the employee item, derived from its `skills` and `bookings` maps. */
export function employeeFigures(employee: Record<string, unknown>) {
  return {
    skillIds: Object.keys((employee.skills as Record<string, number> | undefined) ?? {}).sort(),
    loadSpans: loadSpansOf(toBookings(employee.bookings as StoredBookings | undefined)),
  }
}

/**
 * The bookings as short strings, `start|end|allocation|t or c`, in start order: all the firm overview
 * needs of them (its index projects only this), at about a third of the bookings' size.
 */
export function loadSpansOf(bookings: Pick<Booking, 'start' | 'end' | 'allocation' | 'tentative'>[]): string[] {
  return bookings.map((booking) => `${booking.start}|${booking.end ?? ''}|${booking.allocation}|${booking.tentative ? 't' : 'c'}`).sort()
}

export function parseLoadSpans(spans: string[] | undefined): Pick<Booking, 'start' | 'end' | 'allocation' | 'tentative'>[] {
  return (spans ?? []).map((span) => {
    const [start, end, allocation, status] = span.split('|')
    return { start, end: end || null, allocation: Number(allocation), tentative: status === 't' }
  })
}

/** The most skills one person can hold: it bounds what a booking change costs (one copy per skill). */
export const MAX_SKILLS_PER_PERSON = 40

/**
 * Copies the employee's bookings onto each of their skill items (the technology page shows who is
 * free from those), stamped with the employee's aggRev: an older copy never replaces a newer one.
 */
export async function copyBookingsToSkills(employee: Record<string, unknown>): Promise<void> {
  const technologyIds = Object.keys((employee.skills as Record<string, number> | undefined) ?? {})
  const { documentClient, config } = getDb()
  await forEachBounded(technologyIds, 8, async (technologyId) => {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: config.tableName,
          Key: keyOf(SkillEntity, { employeeId: employee.id as string, technologyId }),
          UpdateExpression: 'SET employeeBookings = :bookings, bookingsRev = :rev',
          ConditionExpression: 'attribute_exists(PK) AND #type = :type AND (attribute_not_exists(bookingsRev) OR bookingsRev < :rev)',
          ExpressionAttributeNames: { '#type': '_type' },
          ExpressionAttributeValues: { ':type': entityNames.skill, ':bookings': employee.bookings ?? {}, ':rev': employee.aggRev },
        }),
      )
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error
    }
  })
}
