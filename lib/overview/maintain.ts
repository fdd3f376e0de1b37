import { EmployeeEntity, GetItemCommand, ProjectEntity, forEachBounded, type EntryChange } from '../db'
import {
  OVERVIEW_SHARDS,
  applyDigestEntries,
  overviewKeys,
  overviewShardOf,
  readDigestSet,
  listOverviewSources,
  readOverviewState,
  writeDigestSummary,
  writeOverviewState,
} from '../db/overview-store'
import { toBookings, toTimeOff } from '../dto'
import { todayIso } from '../staffing/allocation'
import { summarisePeople, summariseProjects, summariseWeek, trackedWeeks, weekStatus, type ProjectEntry } from './digest'

// Keeping the overview's digests (lib/db/overview-store.ts) up to date. Each write path that changes
// what the overview shows of a person or a project calls the sync for it from inside its job, so a
// crash leaves the job to finish it. A sync reads the person (or project) consistently, sets its
// entries, stores each digest's figures, and reads it again: if it changed meanwhile, it goes round
// again, so the last change always leaves its own entries. Weeks roll over and "starting soon"
// moves with the date: `refreshOverview` recomputes every entry, daily, from consistent reads.

async function readPerson(employeeId: string) {
  const { Item } = await EmployeeEntity.build(GetItemCommand).key({ id: employeeId }).options({ consistent: true }).send()
  return Item ?? null
}

async function readProject(clientId: string, projectId: string) {
  const { Item } = await ProjectEntity.build(GetItemCommand).key({ clientId, id: projectId }).options({ consistent: true }).send()
  return Item ?? null
}

const versionOf = (item: { aggRev?: number; version?: number; deletingAt?: string } | null) => (item ? `${item.aggRev ?? 0}.${item.version ?? 0}.${item.deletingAt ?? ''}` : 'gone')

async function applyWeek(weekStart: string, shard: number, changes: EntryChange[]): Promise<void> {
  const partition = overviewKeys.week(weekStart, shard)
  const set = await applyDigestEntries(partition, changes)
  await writeDigestSummary(partition, set.rev as number, { ...summariseWeek(set), weekStart })
}

async function applyPeople(shard: number, changes: EntryChange[]): Promise<void> {
  const partition = overviewKeys.people(shard)
  const set = await applyDigestEntries(partition, changes)
  await writeDigestSummary(partition, set.rev as number, summarisePeople(set))
}

async function applyProjects(shard: number, changes: EntryChange[], today: string): Promise<void> {
  const partition = overviewKeys.projects(shard)
  const set = await applyDigestEntries(partition, changes)
  await writeDigestSummary(partition, set.rev as number, { ...summariseProjects(set, today) })
}

function personChanges(person: Awaited<ReturnType<typeof readPerson>>, employeeId: string, weekStart: string): EntryChange[] {
  const live = person && !person.deletingAt
  const status = live ? weekStatus({ name: person.name, practice: person.practice, bookings: toBookings(person.bookings), timeOff: toTimeOff(person.timeOff) }, weekStart) : {}
  return [
    { map: 'bench', entry: employeeId, value: status.bench },
    { map: 'over', entry: employeeId, value: status.over },
  ]
}

/**
 * Brings a person's overview entries up to date: their status in each tracked week and, when
 * `membership` is asked for (create, delete), their place in the headcount.
 */
export async function syncPersonOverview(employeeId: string, options: { membership?: boolean; today?: string } = {}): Promise<void> {
  const shard = overviewShardOf(employeeId)
  const weeks = trackedWeeks(options.today ?? todayIso())
  let person = await readPerson(employeeId)
  for (let round = 0; round < 10; round++) {
    await Promise.all([
      ...weeks.map((week) => applyWeek(week, shard, personChanges(person, employeeId, week))),
      ...(options.membership ? [applyPeople(shard, [{ map: 'people', entry: employeeId, value: person && !person.deletingAt ? 1 : undefined }])] : []),
    ])
    const now = await readPerson(employeeId)
    if (versionOf(now) === versionOf(person)) return
    person = now
  }
  throw new Error(`Employee ${employeeId} kept changing while the overview was being brought up to date`)
}

function projectEntry(project: NonNullable<Awaited<ReturnType<typeof readProject>>>): ProjectEntry {
  return { c: project.clientId, s: project.status, d: project.startDate, n: project.name, cn: project.clientName }
}

/** Brings a project's overview entry up to date (its status, start, names), or removes it when it is gone. */
export async function syncProjectOverview(clientId: string, projectId: string, options: { today?: string } = {}): Promise<void> {
  const shard = overviewShardOf(clientId)
  let project = await readProject(clientId, projectId)
  for (let round = 0; round < 10; round++) {
    const value = project && !project.deletingAt ? projectEntry(project) : undefined
    await applyProjects(shard, [{ map: 'projects', entry: projectId, value }], options.today ?? todayIso())
    const now = await readProject(clientId, projectId)
    if (versionOf(now) === versionOf(project) && now?.clientName === project?.clientName && now?.name === project?.name) return
    project = now
  }
  throw new Error(`Project ${projectId} kept changing while the overview was being brought up to date`)
}

/** Whether the digests cover this week's tracked weeks and "starting soon" was derived today. */
export async function overviewIsCurrent(today: string = todayIso()): Promise<boolean> {
  const state = await readOverviewState()
  return Boolean(state && JSON.stringify(state.weeks) === JSON.stringify(trackedWeeks(today)) && state.projectsDerivedOn === today)
}

/**
 * Recomputes every entry of the overview from consistent reads of each person and project: the
 * roll-over to a new week, "starting soon" after a new day, and the first fill after a seed or an
 * upgrade. The index only says who exists; each entry is computed from the item itself, and each
 * write is a per-entry change, so a write made meanwhile is never overwritten with older data.
 * Idempotent; a crash is finished by running it again.
 */
export async function refreshOverview(options: { today?: string; onProgress?: (done: number, total: number) => Promise<void> | void } = {}): Promise<{ people: number; projects: number }> {
  const today = options.today ?? todayIso()
  const weeks = trackedWeeks(today)
  const sources = await listOverviewSources()
  const people = sources.employeeIds
  const projects = sources.projects
  const total = people.length + projects.length
  let done = 0
  const tick = async () => {
    done++
    if (done % 200 === 0) await options.onProgress?.(done, total)
  }
  await forEachBounded(people, 8, async (employeeId) => {
    await syncPersonOverview(employeeId, { membership: true, today })
    await tick()
  })
  await forEachBounded(projects, 8, async ({ clientId, projectId }) => {
    await syncProjectOverview(clientId, projectId, { today })
    await tick()
  })
  // Entries of people and projects that no longer exist (deleted while no sync could run).
  const livePeople = new Set(people)
  const liveProjects = new Set(projects.map((project) => project.projectId))
  await forEachBounded(
    Array.from({ length: OVERVIEW_SHARDS }, (_, shard) => shard),
    4,
    async (shard) => {
      for (const week of weeks) {
        const set = await readDigestSet(overviewKeys.week(week, shard))
        const stale = [...Object.keys((set?.bench as object) ?? {}), ...Object.keys((set?.over as object) ?? {})].filter((id) => !livePeople.has(id))
        for (const id of new Set(stale)) await syncPersonOverview(id, { membership: true, today })
      }
      const peopleSet = await readDigestSet(overviewKeys.people(shard))
      for (const id of Object.keys((peopleSet?.people as object) ?? {}).filter((id) => !livePeople.has(id))) await syncPersonOverview(id, { membership: true, today })
      const projectSet = await readDigestSet(overviewKeys.projects(shard))
      const entries = Object.entries((projectSet?.projects as Record<string, ProjectEntry>) ?? {}).filter(([id]) => !liveProjects.has(id))
      for (const [id, entry] of entries) await syncProjectOverview(entry.c, id, { today })
      // "Starting soon" is relative to today: derive every projects summary again.
      await applyProjects(shard, [], today)
    },
  )
  await writeOverviewState({ weeks, projectsDerivedOn: today })
  return { people: people.length, projects: projects.length }
}
