import { forEachBounded, partitions, sortKeys, type EntryChange } from '../db'
import { OVERVIEW_SHARDS, batchGetConsistent, listOverviewSources, overviewKeys, overviewShardOf, readDigestSet, writeOverviewState } from '../db/overview-store'
import { capacityKeys, capacityPartOf, capacityParts } from '../db/capacity-store'
import { todayIso } from '../load/allocation'
import { applyCapacity, personCapacityChange, roleCapacityChange } from '../digests/capacity-sync'
import { DIGESTS_VERSION, trackedWeeks, type ProjectEntry } from '../digests/overview'
import { applyPeople, applyProjects, applyWeek, personChanges, projectEntry, syncPersonOverview, syncProjectOverview, versionOf } from '../digests/overview-sync'
import { syncUnfilledRole } from '../edges/unfilled-role'

// The daily recomputation of the overview's and capacity's digests from consistent reads of every
// person, project and unfilled role; the per-change syncs (lib/digests/overview-sync.ts) keep them
// current in between.

type RawItem = Record<string, unknown>

/** The changes that turn `current` into `desired` (one map of a digest). */
function diff(map: string, current: Record<string, unknown> | undefined, desired: Record<string, unknown>): EntryChange[] {
  const changes: EntryChange[] = []
  for (const [entry, value] of Object.entries(desired)) if (JSON.stringify(current?.[entry]) !== JSON.stringify(value)) changes.push({ map, entry, value })
  for (const entry of Object.keys(current ?? {})) if (!(entry in desired)) changes.push({ map, entry, value: undefined })
  return changes
}

/** Applies changes to a digest 25 at a time (an update expression's size), deriving its summary each time. */
async function applyInChunks(apply: (changes: EntryChange[], last: boolean) => Promise<void>, changes: EntryChange[]): Promise<void> {
  // At least once: the summary is derived again even when no entry changed (the date moved on).
  for (let start = 0; start === 0 || start < changes.length; start += 25) await apply(changes.slice(start, start + 25), start + 25 >= changes.length)
}

/**
 * Recomputes every entry of the overview: the roll-over to a new week, "starting soon" after a new
 * day, and the first fill after a seed or an upgrade. The indexes and the digests only say whom to
 * read; each person and project is read consistently (100 to a BatchGetItem), and each digest gets
 * only the entries that differ. Anyone whose item changed while this ran is read and synced again on their own, so a
 * write made meanwhile is never left overwritten. Idempotent; a crash is finished by running it again.
 */
export async function refreshOverview(options: { today?: string; onProgress?: (done: number, total: number) => Promise<void> | void } = {}): Promise<{ people: number; projects: number }> {
  const today = options.today ?? todayIso()
  const weeks = trackedWeeks(today)
  const shards = Array.from({ length: OVERVIEW_SHARDS }, (_, shard) => shard)
  // The digests as they are, read before the index: anyone they name is read too, so a person or
  // project the lagging index does not list yet keeps their entries (an entry is only ever removed
  // because a consistent read found its item gone or being deleted).
  const [weekSets, peopleSets, projectSets, capacitySets, sources] = await Promise.all([
    Promise.all(shards.map((shard) => Promise.all(weeks.map((week) => readDigestSet(overviewKeys.week(week, shard)))))),
    Promise.all(shards.map((shard) => readDigestSet(overviewKeys.people(shard)))),
    Promise.all(shards.map((shard) => readDigestSet(overviewKeys.projects(shard)))),
    Promise.all(capacityParts.map((part) => readDigestSet(capacityKeys.part(part)))),
    listOverviewSources(),
  ])
  const employeeIds = new Set(sources.employeeIds)
  for (const set of [...weekSets.flat(), ...peopleSets, ...capacitySets]) {
    for (const map of ['bench', 'over', 'people']) for (const id of Object.keys((set?.[map] as object) ?? {})) employeeIds.add(id)
  }
  // Unfilled roles have no index: the capacity digests name every one whose sync has run (a role
  // whose sync has not run yet still has its job, which the sweep finishes).
  const roleKeys = capacitySets.flatMap((set) =>
    Object.entries((set?.roles as Record<string, { c: string; j: string }>) ?? {}).map(([roleId, entry]) => ({ PK: partitions.client(entry.c), SK: sortKeys.unfilledRole(entry.j, roleId) })),
  )
  const projectRefs = new Map(sources.projects.map((ref) => [ref.projectId, ref.clientId]))
  for (const set of projectSets) for (const [id, entry] of Object.entries((set?.projects as Record<string, ProjectEntry>) ?? {})) projectRefs.set(id, entry.c)
  const personKeys = [...employeeIds].map((id) => ({ PK: partitions.employee(id), SK: sortKeys.employee }))
  const projectKeys = [...projectRefs].map(([projectId, clientId]) => ({ PK: partitions.client(clientId), SK: sortKeys.project(projectId) }))
  const [people, projects, roles] = await Promise.all([batchGetConsistent(personKeys), batchGetConsistent(projectKeys), batchGetConsistent(roleKeys)])
  const livePeople = people.filter((person) => !person.deletingAt)
  const liveProjects = projects.filter((project) => !project.deletingAt)
  let done = 0
  await forEachBounded(
    shards,
    4,
    async (shard) => {
      const mine = livePeople.filter((person) => overviewShardOf(person.id as string) === shard)
      for (const week of weeks) {
        const bench: Record<string, unknown> = {}
        const over: Record<string, unknown> = {}
        for (const person of mine) {
          for (const change of personChanges(person as never, person.id as string, week)) {
            if (change.value !== undefined) (change.map === 'bench' ? bench : over)[change.entry] = change.value
          }
        }
        const current = weekSets[shard][weeks.indexOf(week)]
        const changes = [...diff('bench', current?.bench as RawItem, bench), ...diff('over', current?.over as RawItem, over)]
        await applyInChunks((chunk) => applyWeek(week, shard, chunk), changes)
      }
      const headcount = Object.fromEntries(mine.map((person) => [person.id as string, 1]))
      await applyInChunks((chunk) => applyPeople(shard, chunk), diff('people', peopleSets[shard]?.people as RawItem, headcount))
      const entries = Object.fromEntries(
        liveProjects.filter((project) => overviewShardOf(project.clientId as string) === shard).map((project) => [project.id as string, projectEntry(project as never)]),
      )
      await applyInChunks((chunk) => applyProjects(shard, chunk, today), diff('projects', projectSets[shard]?.projects as RawItem, entries))
      done += mine.length
      await options.onProgress?.(done, livePeople.length)
    },
  )
  const samePart = (a: { shard: number; sub: number }, b: { shard: number; sub: number }) => a.shard === b.shard && a.sub === b.sub
  await forEachBounded(
    capacityParts.map((part, index) => ({ part, index })),
    4,
    async ({ part, index }) => {
      const entries = (changes: EntryChange[]) => Object.fromEntries(changes.filter((change) => change.value !== undefined).map((change) => [change.entry, change.value]))
      const desiredPeople = entries(livePeople.filter((person) => samePart(capacityPartOf(person.id as string), part)).map((person) => personCapacityChange(person, person.id as string, today)))
      const desiredRoles = entries(roles.filter((role) => samePart(capacityPartOf(role.id as string), part)).map((role) => roleCapacityChange(role, role.id as string)))
      const current = capacitySets[index]
      const changes = [...diff('people', current?.people as RawItem, desiredPeople), ...diff('roles', current?.roles as RawItem, desiredRoles)]
      // A part's summary adds up every person of the part: derived once, after the last chunk.
      await applyInChunks((chunk, last) => applyCapacity(part, chunk, today, { derive: last }), changes)
    },
  )
  // Whoever changed while this ran gets their own sync, from a read made after the writes above.
  const [peopleAgain, projectsAgain, rolesAgain] = await Promise.all([batchGetConsistent(personKeys), batchGetConsistent(projectKeys), batchGetConsistent(roleKeys)])
  const keyOf = (item: RawItem) => `${item.PK}|${item.SK}`
  const personNow = new Map(peopleAgain.map((item) => [keyOf(item), item]))
  const projectNow = new Map(projectsAgain.map((item) => [keyOf(item), item]))
  const projectStamp = (item: RawItem | undefined) => JSON.stringify(item ? [item.status, item.startDate, item.name, item.clientName, item.deletingAt] : null)
  await forEachBounded(
    people.filter((person) => versionOf(person as never) !== versionOf((personNow.get(keyOf(person)) as never) ?? null)),
    8,
    (person) => syncPersonOverview(person.id as string, { membership: true, today }),
  )
  await forEachBounded(
    projects.filter((project) => projectStamp(project) !== projectStamp(projectNow.get(keyOf(project)))),
    8,
    (project) => syncProjectOverview(project.clientId as string, project.id as string, { today }),
  )
  const roleNow = new Map(rolesAgain.map((item) => [keyOf(item), item]))
  await forEachBounded(
    roles.filter((role) => JSON.stringify(roleCapacityChange(role, role.id as string)) !== JSON.stringify(roleCapacityChange(roleNow.get(keyOf(role)) ?? null, role.id as string))),
    8,
    async (role) => void (await syncUnfilledRole({ clientId: role.clientId as string, projectId: role.projectId as string, roleId: role.id as string }, { today })),
  )
  await writeOverviewState({ weeks, projectsDerivedOn: today, digestsVersion: DIGESTS_VERSION })
  return { people: livePeople.length, projects: liveProjects.length }
}
