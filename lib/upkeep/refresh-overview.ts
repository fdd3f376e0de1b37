import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { EmployeeEntity, ProjectEntity, UnfilledRoleEntity, forEachBounded, mapBounded, keyOf, type EntryChange } from '../db'
import { batchGetAs } from '../db/batch'
import { CapacitySetEntity, FinanceSetEntity, PeopleSetEntity, ProjectsSetEntity, WeekSetEntity, type FinanceEntry } from '../db/entities/digests'
import { FINANCE_SHARDS, OVERVIEW_SHARDS, financeShardOf, listOverviewSources, overviewKeys, overviewShardOf, readDigestSet, writeOverviewState } from '../db/overview-store'
import { applyFinance, financeEntryOf, syncProjectFinance } from '../digests/finance-sync'
import { readClientEdges } from '../reads'
import { capacityKeys, capacityPartOf, capacityParts } from '../db/capacity-store'
import { todayIso } from '../load/allocation'
import { applyCapacity, personCapacityChange, roleCapacityChange } from '../digests/capacity-sync'
import { DIGESTS_VERSION, trackedWeeks } from '../digests/overview'
import { applyPeople, applyProjects, applyWeek, personChanges, projectEntry, syncPersonOverview, syncProjectOverview, versionOf } from '../digests/overview-sync'
import { syncUnfilledRole } from '../edges/unfilled-role'
import { syncAssignment } from '../edges/assignment'

// The daily recomputation of the overview's and capacity's digests from consistent reads of every
// person, project and unfilled role; the per-change syncs (lib/digests/overview-sync.ts) keep them
// current in between.

/** The changes that turn `current` into `desired` (one map of a digest). */
function diff<T>(map: string, current: Record<string, T> | undefined, desired: Record<string, T>): EntryChange[] {
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
  // Reads in flight are bounded (as everywhere here): a few hundred at once would queue for the SDK's
  // sockets and could meet the call deadline while waiting, not while DynamoDB worked.
  const [weekSets, peopleSets, projectSets, capacitySets, sources] = await Promise.all([
    mapBounded(shards, 2, (shard) => mapBounded(weeks, 4, (week) => readDigestSet(WeekSetEntity, overviewKeys.week(week, shard)))),
    mapBounded(shards, 4, (shard) => readDigestSet(PeopleSetEntity, overviewKeys.people(shard))),
    mapBounded(shards, 4, (shard) => readDigestSet(ProjectsSetEntity, overviewKeys.projects(shard))),
    mapBounded(capacityParts, 4, (part) => readDigestSet(CapacitySetEntity, capacityKeys.part(part))),
    listOverviewSources(),
  ])
  const employeeIds = new Set(sources.employeeIds)
  for (const set of weekSets.flat()) for (const id of [...Object.keys(set?.bench ?? {}), ...Object.keys(set?.over ?? {})]) employeeIds.add(id)
  for (const set of [...peopleSets, ...capacitySets]) for (const id of Object.keys(set?.people ?? {})) employeeIds.add(id)
  // Unfilled roles have no index: the capacity digests name every one whose sync has run (a role
  // whose sync has not run yet still has its job, which the sweep finishes).
  const roleKeys = capacitySets.flatMap((set) => Object.entries(set?.roles ?? {}).map(([id, entry]) => keyOf(UnfilledRoleEntity, { clientId: entry.c, projectId: entry.j, id })))
  const projectRefs = new Map(sources.projects.map((ref) => [ref.projectId, ref.clientId]))
  for (const set of projectSets) for (const [id, entry] of Object.entries(set?.projects ?? {})) projectRefs.set(id, entry.c)
  const personKeys = [...employeeIds].map((id) => keyOf(EmployeeEntity, { id }))
  const projectKeys = [...projectRefs].map(([id, clientId]) => keyOf(ProjectEntity, { clientId, id }))
  const read = () =>
    Promise.all([
      batchGetAs(EmployeeEntity, personKeys, { consistent: true }),
      batchGetAs(ProjectEntity, projectKeys, { consistent: true }),
      batchGetAs(UnfilledRoleEntity, roleKeys, { consistent: true }),
    ])
  const [people, projects, roles] = await read()
  const livePeople = people.filter((person) => !person.deletingAt)
  const liveProjects = projects.filter((project) => !project.deletingAt)
  let done = 0
  await forEachBounded(
    shards,
    4,
    async (shard) => {
      const mine = livePeople.filter((person) => overviewShardOf(person.id) === shard)
      for (const week of weeks) {
        const bench: Record<string, unknown> = {}
        const over: Record<string, unknown> = {}
        for (const person of mine) {
          for (const change of personChanges(person, person.id, week)) {
            if (change.value !== undefined) (change.map === 'bench' ? bench : over)[change.entry] = change.value
          }
        }
        const current = weekSets[shard][weeks.indexOf(week)]
        const changes = [...diff<unknown>('bench', current?.bench, bench), ...diff<unknown>('over', current?.over, over)]
        await applyInChunks((chunk) => applyWeek(week, shard, chunk), changes)
      }
      const headcount = Object.fromEntries(mine.map((person) => [person.id, 1]))
      await applyInChunks((chunk) => applyPeople(shard, chunk), diff('people', peopleSets[shard]?.people, headcount))
      const entries = Object.fromEntries(liveProjects.filter((project) => overviewShardOf(project.clientId) === shard).map((project) => [project.id, projectEntry(project)]))
      await applyInChunks((chunk) => applyProjects(shard, chunk, today), diff('projects', projectSets[shard]?.projects, entries))
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
      const desiredPeople = entries(livePeople.filter((person) => samePart(capacityPartOf(person.id), part)).map((person) => personCapacityChange(person, person.id, today)))
      const desiredRoles = entries(roles.filter((role) => samePart(capacityPartOf(role.id), part)).map((role) => roleCapacityChange(role, role.id)))
      const current = capacitySets[index]
      const changes = [...diff<unknown>('people', current?.people, desiredPeople), ...diff<unknown>('roles', current?.roles, desiredRoles)]
      // A part's summary adds up every person of the part: derived once, after the last chunk.
      await applyInChunks((chunk, last) => applyCapacity(part, chunk, today, { derive: last }), changes)
    },
  )
  // Whoever changed while this ran gets their own sync, from a read made after the writes above.
  const [peopleAgain, projectsAgain, rolesAgain] = await read()
  const stored = (item: { PK: string; SK: string }) => `${item.PK}|${item.SK}`
  const personNow = new Map(peopleAgain.map((item) => [stored(item), item]))
  const projectNow = new Map(projectsAgain.map((item) => [stored(item), item]))
  const projectStamp = (item: FormattedItem<typeof ProjectEntity> | undefined) => JSON.stringify(item ? [item.status, item.startDate, item.name, item.clientName, item.deletingAt] : null)
  await forEachBounded(
    people.filter((person) => versionOf(person) !== versionOf(personNow.get(stored(person)) ?? null)),
    8,
    (person) => syncPersonOverview(person.id, { membership: true, today }),
  )
  await forEachBounded(
    projects.filter((project) => projectStamp(project) !== projectStamp(projectNow.get(stored(project)))),
    8,
    (project) => syncProjectOverview(project.clientId, project.id, { today }),
  )
  const roleNow = new Map(rolesAgain.map((item) => [stored(item), item]))
  await forEachBounded(
    roles.filter((role) => JSON.stringify(roleCapacityChange(role, role.id)) !== JSON.stringify(roleCapacityChange(roleNow.get(stored(role)) ?? null, role.id))),
    8,
    async (role) => void (await syncUnfilledRole({ clientId: role.clientId, projectId: role.projectId, roleId: role.id }, { today })),
  )
  await refreshFinance(liveProjects, today)
  await writeOverviewState({ weeks, projectsDerivedOn: today, digestsVersion: DIGESTS_VERSION })
  return { people: livePeople.length, projects: liveProjects.length }
}

/**
 * Recomputes every project's money entry (the months move on, open-ended work is counted a year from
 * today): one consistent Query per client, then each shard gets only the entries that differ, then one
 * more Query per client to find projects that changed meanwhile.
 */
async function refreshFinance(liveProjects: FormattedItem<typeof ProjectEntity>[], today: string): Promise<void> {
  const shards = Array.from({ length: FINANCE_SHARDS }, (_, shard) => shard)
  const sets = await mapBounded(shards, 8, (shard) => readDigestSet(FinanceSetEntity, overviewKeys.finance(shard)))
  const desired: Record<string, FinanceEntry>[] = shards.map(() => ({}))
  // The entries name their clients too: a project the lagging index does not list yet keeps its entry.
  const clientIds = [...new Set([...liveProjects.map((project) => project.clientId), ...sets.flatMap((set) => Object.values(set?.projects ?? {}).map((entry) => entry.c))])]
  await forEachBounded(clientIds, 8, async (clientId) => {
    let edges = await readClientEdges(clientId)
    // Assignments written before money existed get their copy (and their bookings' billing) first.
    const unpriced = edges.flatMap((edge) => (edge.entity === 'Assignment' && !edge.money ? [edge] : []))
    if (unpriced.length) {
      for (const a of unpriced) await syncAssignment({ clientId, projectId: a.projectId, assignmentId: a.id, employeeId: a.employeeId })
      edges = await readClientEdges(clientId)
    }
    for (const item of edges) {
      if (item.entity !== 'Project') continue
      const entry = financeEntryOf(item, edges.flatMap((edge) => (edge.entity === 'Assignment' && edge.projectId === item.id ? [edge] : [])), today)
      if (entry) desired[financeShardOf(item.id)][item.id] = entry
    }
  })
  await forEachBounded(shards, 4, (shard) =>
    applyInChunks((chunk) => applyFinance(shard, chunk.map(({ entry, value }) => ({ entry, value: value as FinanceEntry | undefined })), today), diff('projects', sets[shard]?.projects, desired[shard])),
  )
  // Projects written to while this ran (an older entry may have been put over theirs): each brings its
  // own entry up to date from a read made now.
  await forEachBounded(clientIds, 8, async (clientId) => {
    const edges = await readClientEdges(clientId)
    for (const item of edges) {
      if (item.entity !== 'Project') continue
      const entry = financeEntryOf(item, edges.flatMap((edge) => (edge.entity === 'Assignment' && edge.projectId === item.id ? [edge] : [])), today)
      if (JSON.stringify(entry) !== JSON.stringify(desired[financeShardOf(item.id)][item.id])) await syncProjectFinance(clientId, item.id, { today })
    }
  })
}
