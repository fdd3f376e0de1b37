import 'server-only'
import { applyDigestEntries, type EntryChange } from '../db'
import { PeopleSetEntity, PeopleSummaryEntity, ProjectsSetEntity, ProjectsSummaryEntity, WeekSetEntity, WeekSummaryEntity } from '../db/entities/digests'
import { readEmployee, readProject } from '../reads'
import { overviewKeys, overviewShardOf, readOverviewState, writeDigestSummary } from '../db/overview-store'
import { toBookings, toTimeOff } from '../dto'
import { todayIso } from '../load/allocation'
import { applyCapacity, personCapacityChange } from './capacity-sync'
import { syncProjectFinance } from './finance-sync'
import { capacityPartOf } from '../db/capacity-store'
import { overviewStateIsCurrent, summarisePeople, summariseProjects, summariseWeek, trackedWeeks, weekStatus, type ProjectEntry } from './overview'

// Keeping the overview's digests (lib/db/overview-store.ts) up to date. Each write path that changes
// what the overview shows of a person or a project calls the sync for it from inside its job, so a
// crash leaves the job to finish it. A sync reads the person (or project) consistently, sets its
// entries, stores each digest's figures, and reads it again: if it changed meanwhile, it goes round
// again, so the last change always leaves its own entries. Weeks roll over and "starting soon"
// moves with the date: `refreshOverview` recomputes every entry, daily, from consistent reads.

export const versionOf = (item: { aggRev?: number; version?: number; deletingAt?: string } | null) => (item ? `${item.aggRev ?? 0}.${item.version ?? 0}.${item.deletingAt ?? ''}` : 'gone')

export async function applyWeek(weekStart: string, shard: number, changes: EntryChange[]): Promise<void> {
  const digest = overviewKeys.week(weekStart, shard)
  const set = await applyDigestEntries(WeekSetEntity, { digest }, changes)
  await writeDigestSummary(WeekSummaryEntity, digest, { rev: set.rev ?? 0, ...summariseWeek(set), weekStart })
}

export async function applyPeople(shard: number, changes: EntryChange[]): Promise<void> {
  const digest = overviewKeys.people(shard)
  const set = await applyDigestEntries(PeopleSetEntity, { digest }, changes)
  await writeDigestSummary(PeopleSummaryEntity, digest, { rev: set.rev ?? 0, ...summarisePeople(set) })
}

export async function applyProjects(shard: number, changes: EntryChange[], today: string): Promise<void> {
  const digest = overviewKeys.projects(shard)
  const set = await applyDigestEntries(ProjectsSetEntity, { digest }, changes)
  await writeDigestSummary(ProjectsSummaryEntity, digest, { rev: set.rev ?? 0, ...summariseProjects(set, today) })
}

export function personChanges(person: Awaited<ReturnType<typeof readEmployee>>, employeeId: string, weekStart: string): EntryChange[] {
  const live = person && !person.deletingAt
  const status = live ? weekStatus({ name: person.name, practice: person.practice, bookings: toBookings(person.bookings), timeOff: toTimeOff(person.timeOff) }, weekStart) : {}
  return [
    { map: 'bench', entry: employeeId, value: status.bench },
    { map: 'over', entry: employeeId, value: status.over },
  ]
}

/**
 * Brings a person's overview entries up to date: their capacity entry, their status in each tracked week and, when
 * `membership` is asked for (create, delete), their place in the headcount.
 */
export async function syncPersonOverview(employeeId: string, options: { membership?: boolean; today?: string } = {}): Promise<void> {
  const shard = overviewShardOf(employeeId)
  const today = options.today ?? todayIso()
  const weeks = trackedWeeks(today)
  let person = await readEmployee(employeeId)
  for (let round = 0; round < 10; round++) {
    await Promise.all([
      ...weeks.map((week) => applyWeek(week, shard, personChanges(person, employeeId, week))),
      applyCapacity(capacityPartOf(employeeId), [personCapacityChange(person, employeeId, today)], today),
      ...(options.membership ? [applyPeople(shard, [{ map: 'people', entry: employeeId, value: person && !person.deletingAt ? 1 : undefined }])] : []),
    ])
    const now = await readEmployee(employeeId)
    if (versionOf(now) === versionOf(person)) return
    person = now
  }
  throw new Error(`Employee ${employeeId} kept changing while the overview was being brought up to date`)
}

export function projectEntry(project: NonNullable<Awaited<ReturnType<typeof readProject>>>): ProjectEntry {
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
    if (versionOf(now) === versionOf(project) && now?.clientName === project?.clientName && now?.name === project?.name) {
      // Its pricing, budget, dates, status and names are in its money entry too.
      await syncProjectFinance(clientId, projectId, options)
      return
    }
    project = now
  }
  throw new Error(`Project ${projectId} kept changing while the overview was being brought up to date`)
}

/** Whether the digests cover this week's tracked weeks and "starting soon" was derived today. */
export async function overviewIsCurrent(today: string = todayIso()): Promise<boolean> {
  return overviewStateIsCurrent(await readOverviewState(), today)
}
