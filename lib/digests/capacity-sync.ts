import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { applyDigestEntries, type EmployeeEntity, type EntryChange, type UnfilledRoleEntity } from '../db'
import { CapacitySetEntity, CapacitySummaryEntity } from '../db/entities/digests'
import { readSummaries, writeDigestSummary } from '../db/overview-store'
import { capacityKeys, partsOfShard, readShardSummary, writeShardSummary, type CapacityPart } from '../db/capacity-store'
import { toBookings, toTimeOff } from '../dto'
import { addSummaries, personCapacityEntry, roleDemandEntry, summariseCapacity } from './capacity-figures'

// Writing the capacity digests (lib/db/capacity-store.ts). The person's sync (lib/digests/overview-sync.ts,
// called from every write path that changes a person's bookings, time off, practice or hours) and the
// unfilled role's sync (lib/edges/unfilled-role.ts) set their entry in their part from a consistent read of
// the item, store the part's summary derived from the SET item as it is after that write (unless a
// newer revision's is stored), then add the shard's parts up into the shard's summary. Same rules as
// the overview's digests, one level more.

/**
 * Sets or removes entries in one part, stores its summary (derived as of `today`), and brings its
 * shard's summary up to date. The refresh, writing a part in chunks, derives only after its last
 * chunk (`derive: false` before).
 */
export async function applyCapacity(part: CapacityPart, changes: EntryChange[], today: string, options: { derive?: boolean } = {}): Promise<void> {
  const digest = capacityKeys.part(part)
  const set = await applyDigestEntries(CapacitySetEntity, { digest }, changes)
  if (options.derive === false) return
  await writeDigestSummary(CapacitySummaryEntity, digest, { rev: set.rev ?? 0, ...summariseCapacity({ people: set.people ?? {}, roles: set.roles ?? {} }, today) })
  await rollUpShard(part, today)
}

/**
 * Adds the shard's part summaries up (read consistently) and stores the sum with the revision of each
 * part it came from, on the condition that no stored revision is newer. When another writer got in
 * first, its sum is enough if it includes this part's revision; otherwise read and add up again.
 * Stored revisions only move forward, and every writer sees its own part in, so the last one leaves
 * the sum of the newest summaries.
 */
export async function rollUpShard(part: CapacityPart, today: string): Promise<void> {
  const parts = partsOfShard(part.shard)
  for (let round = 0; round < 10; round++) {
    const found = await readSummaries(CapacitySummaryEntity, parts.map(capacityKeys.part), { consistent: true })
    const summaries = parts.map((p) => found.get(capacityKeys.part(p)))
    const revs = summaries.map((summary) => summary?.rev ?? 0)
    const sum = addSummaries(summaries.filter((summary) => summary !== undefined), today)
    if (await writeShardSummary(part.shard, revs, { ...sum })) return
    const stored = await readShardSummary(part.shard)
    if ((stored?.parts[String(part.sub)] ?? -1) >= revs[part.sub]) return
  }
  throw new Error(`Capacity shard ${part.shard} kept changing while it was being added up`)
}

/** A person's entry as it should be (undefined when they are gone or being deleted). */
export function personCapacityChange(
  person: Pick<FormattedItem<typeof EmployeeEntity>, 'deletingAt' | 'practice' | 'capacityHours' | 'bookings' | 'timeOff'> | null,
  employeeId: string,
  today: string,
): EntryChange {
  const live = person && !person.deletingAt
  return {
    map: 'people',
    entry: employeeId,
    value: live ? personCapacityEntry({ practice: person.practice, capacityHours: person.capacityHours, bookings: toBookings(person.bookings), timeOff: toTimeOff(person.timeOff) }, today) : undefined,
  }
}

/** An unfilled role's entry as it should be: none once it is gone, being deleted, or being filled. */
export function roleCapacityChange(role: FormattedItem<typeof UnfilledRoleEntity> | null, roleId: string): EntryChange {
  const open = role && !role.deletingAt && !role.fillToken
  return { map: 'roles', entry: roleId, value: open ? roleDemandEntry(role) : undefined }
}
