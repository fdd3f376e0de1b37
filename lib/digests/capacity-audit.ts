import { capacityKeys, capacityPartOf, capacityShards, partsOfShard, type CapacityPart } from '../db/capacity-store'
import { entityNames } from '../db/entities/common'
import { addSummaries, personCapacityEntry, roleDemandEntry, summariseCapacity, trimmedEntry, type PersonCapacityEntry, type RoleDemandEntry } from './capacity-figures'

type Item = Record<string, unknown>
type PartSet = { people: Record<string, PersonCapacityEntry>; roles: Record<string, RoleDemandEntry> }

/** The capacity digests' entries as they should be, by part, recomputed from the people and unfilled roles in `items` (a consistent scan). */
export function expectedCapacitySets(items: Item[], today: string): Map<string, PartSet> {
  const sets = new Map<string, PartSet>()
  const setOf = (part: CapacityPart) => {
    const key = capacityKeys.part(part)
    if (!sets.has(key)) sets.set(key, { people: {}, roles: {} })
    return sets.get(key)!
  }
  for (const person of items.filter((item) => item._type === entityNames.employee && !item.deletingAt)) {
    const bookings = Object.values((person.bookings as Record<string, { start: string; end?: string; allocation: number; tentative: boolean }>) ?? {}).map((b) => ({ start: b.start, end: b.end ?? null, allocation: b.allocation, tentative: b.tentative }))
    const timeOff = Object.values((person.timeOff as Record<string, { start: string; end: string }>) ?? {}).map((t) => ({ start: t.start, end: t.end }))
    setOf(capacityPartOf(person.id as string)).people[person.id as string] = personCapacityEntry(
      { practice: person.practice as string, capacityHours: (person.capacityHours as number) ?? 40, bookings, timeOff },
      today,
    )
  }
  for (const role of items.filter((item) => item._type === entityNames.unfilledRole && !item.deletingAt && !item.fillToken)) {
    setOf(capacityPartOf(role.id as string)).roles[role.id as string] = roleDemandEntry(role as never)
  }
  return sets
}

/** Differences between the stored capacity digests (parts and shard sums) and a from-scratch recompute: empty when they agree. */
export function auditCapacity(items: Item[], today: string): string[] {
  const problems: string[] = []
  const stored = new Map(items.map((item) => [`${item.PK}|${item.SK}`, item]))
  const expected = expectedCapacitySets(items, today)
  const pick = (summary: Item | undefined, keys: string[]) => Object.fromEntries(keys.map((key) => [key, summary?.[key]]))
  for (const shard of capacityShards) {
    const derivedParts = []
    for (const part of partsOfShard(shard)) {
      const key = capacityKeys.part(part)
      const want = expected.get(key) ?? { people: {}, roles: {} }
      const set = stored.get(`${key}|SET`)
      const people = Object.fromEntries(Object.entries((set?.people as Record<string, PersonCapacityEntry>) ?? {}).map(([id, entry]) => [id, trimmedEntry(entry, today)]))
      if (canonical(people) !== canonical(want.people)) problems.push(`capacity ${key} people are ${canonical(people)}, recomputed ${canonical(want.people)}`)
      if (canonical(set?.roles ?? {}) !== canonical(want.roles)) problems.push(`capacity ${key} roles are ${canonical(set?.roles ?? {})}, recomputed ${canonical(want.roles)}`)
      if (!set) continue
      const derived = summariseCapacity(want, today)
      derivedParts.push(derived)
      const actual = pick(stored.get(`${key}|SUMMARY`), Object.keys(derived))
      if (canonical(actual) !== canonical(derived)) problems.push(`capacity ${key} summary is ${canonical(actual)}, derived ${canonical(derived)}`)
    }
    if (derivedParts.length === 0) continue
    const sum = addSummaries(derivedParts, today)
    const actual = pick(stored.get(`${capacityKeys.shard(shard)}|SUMMARY`), Object.keys(sum))
    if (canonical(actual) !== canonical(sum)) problems.push(`capacity shard ${shard} sum is ${canonical(actual)}, added up ${canonical(sum)}`)
  }
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
