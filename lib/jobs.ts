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

/** Remembers which other items' summaries must be refreshed, before the edges that say so are gone. */
export async function recordJobImpact(kind: JobKind, targetId: string, impact: Pick<Job, 'employeeIds' | 'technologyIds' | 'clientIds'>): Promise<void> {
  await JobEntity.build(UpdateItemCommand)
    .item({ ...keys.job(kind, targetId), ...impact })
    .send()
}

export async function getJobImpact(kind: JobKind, targetId: string): Promise<Pick<Job, 'employeeIds' | 'technologyIds' | 'clientIds'>> {
  const { Item: job } = await JobEntity.build(GetItemCommand).key(keys.job(kind, targetId)).options({ consistent: true }).send()
  return { employeeIds: job?.employeeIds ?? [], technologyIds: job?.technologyIds ?? [], clientIds: job?.clientIds ?? [] }
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
