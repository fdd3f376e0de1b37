import type { EntryChange } from '../db'
import { applyDigestEntries, writeDigestSummary } from '../db/overview-store'
import { capacityKeys } from '../db/capacity-store'
import { toBookings, toTimeOff, type StoredBookings, type StoredTimeOff } from '../dto'
import { personCapacityEntry, roleDemandEntry, summariseCapacity } from './figures'

// Writing the capacity digests (lib/db/capacity-store.ts). The person's sync (lib/overview/maintain.ts,
// called from every write path that changes a person's bookings, time off, practice or hours) and the
// unfilled role's sync (lib/roles/sync.ts) set their entry here from a consistent read of the item,
// and store the shard's summary derived from the SET item as it is after that write, unless a newer
// revision's summary is stored already. Same rules as the overview's digests.

type RawItem = Record<string, unknown>

/**
 * Sets or removes entries in one shard and stores its summary, derived as of `today`. The refresh,
 * writing a shard in chunks, derives only after its last chunk (`derive: false` before).
 */
export async function applyCapacity(shard: number, changes: EntryChange[], today: string, options: { derive?: boolean } = {}): Promise<void> {
  const partition = capacityKeys.shard(shard)
  const set = await applyDigestEntries(partition, changes)
  if (options.derive === false) return
  await writeDigestSummary(partition, set.rev as number, { ...summariseCapacity(set as never, today) })
}

/** A person's entry as it should be (undefined when they are gone or being deleted). */
export function personCapacityChange(person: RawItem | null, employeeId: string, today: string): EntryChange {
  const live = person && !person.deletingAt
  return {
    map: 'people',
    entry: employeeId,
    value: live
      ? personCapacityEntry(
          {
            practice: person.practice as string,
            capacityHours: (person.capacityHours as number | undefined) ?? 40,
            bookings: toBookings(person.bookings as StoredBookings),
            timeOff: toTimeOff(person.timeOff as StoredTimeOff),
          },
          today,
        )
      : undefined,
  }
}

/** An unfilled role's entry as it should be: none once it is gone, being deleted, or being filled. */
export function roleCapacityChange(role: RawItem | null, roleId: string): EntryChange {
  const open = role && !role.deletingAt && !role.fillToken
  return { map: 'roles', entry: roleId, value: open ? roleDemandEntry(role as never) : undefined }
}
