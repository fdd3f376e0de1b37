import 'server-only'
import { EmployeeEntity, UnfilledRoleEntity, storedOf, type StoredItem } from '../db'
import { capacityKeys, capacityPartOf, capacityShards, partsOfShard, type CapacityPart } from '../db/capacity-store'
import { CapacitySetEntity, CapacityShardSummaryEntity, CapacitySummaryEntity } from '../db/entities/digests'
import { toBookings, toTimeOff } from '../dto'
import { addSummaries, personCapacityEntry, roleDemandEntry, summariseCapacity, trimmedEntry, type PersonCapacityEntry, type RoleDemandEntry } from './capacity-figures'

type PartSet = { people: Record<string, PersonCapacityEntry>; roles: Record<string, RoleDemandEntry> }

/** The capacity digests' entries as they should be, by part, recomputed from the people and unfilled roles in `items` (a consistent scan). */
export function expectedCapacitySets(items: StoredItem[], today: string): Map<string, PartSet> {
  const sets = new Map<string, PartSet>()
  const setOf = (part: CapacityPart) => {
    const key = capacityKeys.part(part)
    if (!sets.has(key)) sets.set(key, { people: {}, roles: {} })
    return sets.get(key)!
  }
  for (const person of storedOf(items, EmployeeEntity).items.filter((item) => !item.deletingAt)) {
    const entry = { practice: person.practice, capacityHours: person.capacityHours, bookings: toBookings(person.bookings), timeOff: toTimeOff(person.timeOff) }
    setOf(capacityPartOf(person.id)).people[person.id] = personCapacityEntry(entry, today)
  }
  for (const role of storedOf(items, UnfilledRoleEntity).items.filter((item) => !item.deletingAt && !item.fillToken)) {
    setOf(capacityPartOf(role.id)).roles[role.id] = roleDemandEntry(role)
  }
  return sets
}

/** Differences between the stored capacity digests (parts and shard sums) and a from-scratch recompute: empty when they agree. */
export function auditCapacity(items: StoredItem[], today: string): string[] {
  const problems: string[] = []
  // Every digest has the same two item types: pick the capacity ones by partition before reading them.
  const parts = capacityShards.flatMap((shard) => partsOfShard(shard).map(capacityKeys.part))
  const shardDigests = capacityShards.map((shard) => capacityKeys.shard(shard))
  const read = <T extends { digest: string }>({ items: found, unreadable }: { items: T[]; unreadable: string[] }) => {
    problems.push(...unreadable)
    return new Map(found.map((item) => [item.digest, item]))
  }
  const itemsOf = (digests: string[], sortKey: 'SET' | 'SUMMARY') => items.filter((item) => item.SK === sortKey && digests.includes(item.PK))
  const sets = read(storedOf(itemsOf(parts, 'SET'), CapacitySetEntity))
  const summaries = read(storedOf(itemsOf(parts, 'SUMMARY'), CapacitySummaryEntity))
  const shardSums = read(storedOf(itemsOf(shardDigests, 'SUMMARY'), CapacityShardSummaryEntity))
  const expected = expectedCapacitySets(items, today)
  const pick = (summary: Record<string, unknown> | undefined, keys: string[]) => Object.fromEntries(keys.map((key) => [key, summary?.[key]]))
  for (const shard of capacityShards) {
    const derivedParts = []
    for (const part of partsOfShard(shard)) {
      const key = capacityKeys.part(part)
      const want = expected.get(key) ?? { people: {}, roles: {} }
      const set = sets.get(key)
      const people = Object.fromEntries(Object.entries(set?.people ?? {}).map(([id, entry]) => [id, trimmedEntry(entry, today)]))
      if (canonical(people) !== canonical(want.people)) problems.push(`capacity ${key} people are ${canonical(people)}, recomputed ${canonical(want.people)}`)
      if (canonical(set?.roles ?? {}) !== canonical(want.roles)) problems.push(`capacity ${key} roles are ${canonical(set?.roles ?? {})}, recomputed ${canonical(want.roles)}`)
      if (!set) continue
      const derived = summariseCapacity(want, today)
      derivedParts.push(derived)
      const actual = pick(summaries.get(key), Object.keys(derived))
      if (canonical(actual) !== canonical(derived)) problems.push(`capacity ${key} summary is ${canonical(actual)}, derived ${canonical(derived)}`)
    }
    if (derivedParts.length === 0) continue
    const sum = addSummaries(derivedParts, today)
    const actual = pick(shardSums.get(capacityKeys.shard(shard)), Object.keys(sum))
    if (canonical(actual) !== canonical(sum)) problems.push(`capacity shard ${shard} sum is ${canonical(actual)}, added up ${canonical(sum)}`)
  }
  return problems
}

/** JSON with object keys in order: equal values compare equal whatever order their keys were written in. */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)]))
    return v
  }
  return JSON.stringify(sort(value))
}
