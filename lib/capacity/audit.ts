import { CAPACITY_SHARDS, capacityKeys, capacityShardOf } from '../db/capacity-store'
import { entityNames } from '../db/entities/common'
import { personCapacityEntry, roleDemandEntry, summariseCapacity, trimmedEntry, type PersonCapacityEntry, type RoleDemandEntry } from './figures'

type Item = Record<string, unknown>

/** The capacity digests' entries as they should be, recomputed from the people and unfilled roles in `items` (a consistent scan). */
export function expectedCapacitySets(items: Item[], today: string): { people: Record<string, PersonCapacityEntry>; roles: Record<string, RoleDemandEntry> }[] {
  const sets = Array.from({ length: CAPACITY_SHARDS }, () => ({ people: {} as Record<string, PersonCapacityEntry>, roles: {} as Record<string, RoleDemandEntry> }))
  for (const person of items.filter((item) => item._type === entityNames.employee && !item.deletingAt)) {
    const bookings = Object.values((person.bookings as Record<string, { start: string; end?: string; allocation: number; tentative: boolean }>) ?? {}).map((b) => ({ start: b.start, end: b.end ?? null, allocation: b.allocation, tentative: b.tentative }))
    const timeOff = Object.values((person.timeOff as Record<string, { start: string; end: string }>) ?? {}).map((t) => ({ start: t.start, end: t.end }))
    sets[capacityShardOf(person.id as string)].people[person.id as string] = personCapacityEntry(
      { practice: person.practice as string, capacityHours: (person.capacityHours as number) ?? 40, bookings, timeOff },
      today,
    )
  }
  for (const role of items.filter((item) => item._type === entityNames.unfilledRole && !item.deletingAt && !item.fillToken)) {
    sets[capacityShardOf(role.id as string)].roles[role.id as string] = roleDemandEntry(role as never)
  }
  return sets
}

/** Differences between the stored capacity digests and a from-scratch recompute: empty when they agree. */
export function auditCapacity(items: Item[], today: string): string[] {
  const problems: string[] = []
  const stored = new Map(items.map((item) => [`${item.PK}|${item.SK}`, item]))
  expectedCapacitySets(items, today).forEach((expected, shard) => {
    const set = stored.get(`${capacityKeys.shard(shard)}|SET`)
    const people = Object.fromEntries(Object.entries((set?.people as Record<string, PersonCapacityEntry>) ?? {}).map(([id, entry]) => [id, trimmedEntry(entry, today)]))
    if (canonical(people) !== canonical(expected.people)) problems.push(`capacity shard ${shard} people are ${canonical(people)}, recomputed ${canonical(expected.people)}`)
    if (canonical(set?.roles ?? {}) !== canonical(expected.roles)) problems.push(`capacity shard ${shard} roles are ${canonical(set?.roles ?? {})}, recomputed ${canonical(expected.roles)}`)
    if (!set) return
    const summary = stored.get(`${capacityKeys.shard(shard)}|SUMMARY`)
    const derived = summariseCapacity(expected, today)
    const actual = Object.fromEntries(Object.keys(derived).map((key) => [key, summary?.[key]]))
    if (canonical(actual) !== canonical(derived)) problems.push(`capacity shard ${shard} summary is ${canonical(actual)}, derived ${canonical(derived)}`)
  })
  return problems
}

function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sort(x)]))
    return v
  }
  return JSON.stringify(sort(value))
}
