import { DeleteItemCommand, GetItemCommand, JobEntity, PutItemCommand, QueryCommand, RosterTable, UpdateItemCommand, keys } from './db'

// Multi-item operations write a job item before touching anything and delete it when done, so an
// operation cut off halfway is found again (resumePendingJobs in lib/maintenance.ts) and finished.

export type JobKind = 'delete-client' | 'delete-project' | 'delete-employee' | 'delete-technology' | 'rename-client' | 'rename-project' | 'rename-employee' | 'rename-technology'

export interface Job {
  kind: JobKind
  targetId: string
  parentId?: string
  employeeIds: string[]
  technologyIds: string[]
  clientIds: string[]
}

export async function startJob(kind: JobKind, targetId: string, parentId?: string): Promise<void> {
  // A plain put: starting a job that is already recorded (a resumed run) keeps it recorded.
  await JobEntity.build(PutItemCommand)
    .item({ ...keys.job(kind, targetId), kind, targetId, ...(parentId ? { parentId } : {}) })
    .send()
}

export type JobImpact = Pick<Job, 'employeeIds' | 'technologyIds' | 'clientIds'>

/**
 * Remembers which other items' summaries must be refreshed, before the edges that say so are gone.
 * A resumed run finds fewer edges than the first, so what it finds is added to what the job already
 * holds; the union is returned.
 */
export async function rememberJobImpact(kind: JobKind, targetId: string, found: Partial<JobImpact>): Promise<JobImpact> {
  const { Item: job } = await JobEntity.build(GetItemCommand).key(keys.job(kind, targetId)).options({ consistent: true }).send()
  const union = (stored: string[] | undefined, more: string[] | undefined) => [...new Set([...(stored ?? []), ...(more ?? [])])]
  const impact: JobImpact = {
    employeeIds: union(job?.employeeIds, found.employeeIds),
    technologyIds: union(job?.technologyIds, found.technologyIds),
    clientIds: union(job?.clientIds, found.clientIds),
  }
  await JobEntity.build(UpdateItemCommand)
    .item({ ...keys.job(kind, targetId), ...impact })
    .send()
  return impact
}

export async function finishJob(kind: JobKind, targetId: string): Promise<void> {
  await JobEntity.build(DeleteItemCommand).key(keys.job(kind, targetId)).send()
}

export async function listPendingJobs(): Promise<Job[]> {
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(JobEntity)
    .query({ partition: 'JOB' })
    .options({ maxPages: Infinity, entityAttrFilter: false })
    .send()
  return Items.map((item) => ({
    kind: item.kind as JobKind,
    targetId: item.targetId,
    parentId: item.parentId,
    employeeIds: item.employeeIds,
    technologyIds: item.technologyIds,
    clientIds: item.clientIds,
  }))
}
