import 'server-only'
import { authorize, type Actor } from '../authorization'
import { randomUUID } from 'node:crypto'
import { $set, DeleteItemCommand, GetItemCommand, JobEntity, JOB_SHARDS, QueryCommand, RosterTable, UpdateItemCommand, isConditionalCheckFailed, jobPartition } from '../db'
import { AppError, isRefusal, messageOf } from '../errors'

// Work that spans items runs as a job: the job item is written (with a lease) before the first item
// is touched and deleted after the last. Every step is idempotent and converges from the current
// state of the items, so a job cut off anywhere is finished by running it again: by the periodic
// sweep (job-registry.ts) once its lease has expired, or by the next request for the same target.

export const jobKinds = [
  'sync-assignment',
  'sync-skill',
  'sync-stack-entry',
  'sync-project',
  'sync-time-off',
  'sync-person',
  'sync-role',
  'fill-role',
  'refresh-overview',
  'delete-client',
  'delete-project',
  'delete-employee',
  'delete-technology',
  'rename-client',
  'rename-project',
  'rename-employee',
  'rename-technology',
  'reprice-project',
  'reprice-firm',
] as const

export type JobKind = (typeof jobKinds)[number]

export interface Job {
  kind: JobKind
  targetId: string
  params: Record<string, string>
  attempts: number
  nextRunAt: number
  leaseUntil: number
  leaseOwner?: string
  lastError?: string
  progress?: { done: number; total: number }
  pending: string[]
}

export interface JobContext {
  /** Records progress and extends the lease; long jobs call it between batches. */
  heartbeat(progress?: { done: number; total: number }): Promise<void>
  /** What a crashed run of this job had written down as in progress (see lib/edges/journal.ts). */
  pending: string[]
  /** Writes down the work about to be done, replacing what was written before. */
  journal(pending: string[]): Promise<void>
}

export type JobStep<T = unknown> = (job: Job, context: JobContext) => Promise<T>

/** This process's name on the leases it takes. */
export const instanceId = randomUUID()

function leaseMs(): number {
  return Number(process.env.ROSTER_JOB_LEASE_MS ?? 60_000)
}

export function backoffMs(attempts: number): number {
  return Math.min(10 * 60_000, 1000 * 2 ** Math.min(attempts, 10))
}

const busy = () => new AppError('conflict:busy', 'Someone else is changing this right now. Try again in a moment.')

/** A lease's owner: this process and this one claim, so a run only ever finishes or extends its own lease. */
const newLeaseOwner = () => `${instanceId}#${randomUUID().slice(0, 8)}`

/** How long a request waits for a run of the same job (a sweep finishing its earlier attempt, a double submit) before answering busy. */
function claimWaitMs(): number {
  return Number(process.env.ROSTER_JOB_CLAIM_WAIT_MS ?? 5_000)
}

/**
 * Records the job with a lease held by this run (taking over a job whose lease has expired). When a
 * live lease is held on the same job (the sweep finishing this request's earlier attempt, or the same
 * form sent twice), waits for it a few seconds, then runs after it (every step converges from the
 * items as they are); throws conflict:busy only if it is still held then.
 */
async function claimJob(kind: JobKind, targetId: string, params: Record<string, string>): Promise<ClaimedJob> {
  const waitUntil = Date.now() + claimWaitMs()
  for (;;) {
    const now = Date.now()
    try {
      const { Attributes } = await JobEntity.build(UpdateItemCommand)
        .item({ kind, targetId, params: $set(params), leaseOwner: newLeaseOwner(), leaseUntil: now + leaseMs() })
        .options({
          // Exclusive even within this instance: two requests for the same target never run it at once.
          condition: { or: [{ attr: 'PK', exists: false }, { attr: 'leaseUntil', exists: false }, { attr: 'leaseUntil', lt: now }] },
          returnValues: 'ALL_NEW',
        })
        .send()
      return claimed(Attributes!)
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error
    }
    if (Date.now() >= waitUntil) throw busy()
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 150))
  }
}

/** A job as its run holds it: with the lease owner it wrote. */
type ClaimedJob = Job & { leaseOwner: string }

function claimed(item: Parameters<typeof toJob>[0]): ClaimedJob {
  const job = toJob(item)
  return { ...job, leaseOwner: job.leaseOwner ?? '' }
}

function toJob(item: {
  kind: string
  targetId: string
  params?: Record<string, string>
  attempts?: number
  nextRunAt?: number
  leaseUntil?: number
  leaseOwner?: string
  lastError?: string
  progress?: { done: number; total: number }
  pending?: string[]
}): Job {
  return {
    // Stored as a string; only runAsJob writes it, from a JobKind.
    kind: item.kind as JobKind,
    targetId: item.targetId,
    params: item.params ?? {},
    attempts: item.attempts ?? 0,
    nextRunAt: item.nextRunAt ?? 0,
    leaseUntil: item.leaseUntil ?? 0,
    leaseOwner: item.leaseOwner,
    lastError: item.lastError,
    progress: item.progress,
    pending: item.pending ?? [],
  }
}

function contextFor(job: ClaimedJob): JobContext {
  const update = async (attributes: { progress?: { done: number; total: number }; pending?: string[] }) => {
    await JobEntity.build(UpdateItemCommand)
      .item({
        kind: job.kind, targetId: job.targetId,
        leaseUntil: Date.now() + leaseMs(),
        ...(attributes.progress ? { progress: $set(attributes.progress) } : {}),
        ...(attributes.pending ? { pending: $set(attributes.pending) } : {}),
      })
      .options({ condition: { attr: 'leaseOwner', eq: job.leaseOwner } })
      .send()
      .catch((error) => {
        // Our lease ran out and another process took the job over: stop here, it carries on.
        if (isConditionalCheckFailed(error)) throw busy()
        throw error
      })
  }
  return {
    pending: job.pending,
    heartbeat: (progress) => update({ progress }),
    journal: (pending) => update({ pending }),
  }
}

async function finish(job: ClaimedJob): Promise<void> {
  await JobEntity.build(DeleteItemCommand)
    .key({ kind: job.kind, targetId: job.targetId })
    .options({ condition: { attr: 'leaseOwner', eq: job.leaseOwner } })
    .send()
    .catch((error) => {
      // Our lease ran out and another process took the job over: it finishes and deletes it.
      if (!isConditionalCheckFailed(error)) throw error
    })
}

/** Leaves the job for a later attempt, with exponential backoff, and frees the lease. */
async function release(job: ClaimedJob, error: unknown): Promise<void> {
  const attempts = job.attempts + 1
  await JobEntity.build(UpdateItemCommand)
    .item({
      kind: job.kind, targetId: job.targetId,
      attempts,
      nextRunAt: Date.now() + backoffMs(attempts),
      leaseUntil: 0,
      lastError: messageOf(error).slice(0, 500),
    })
    .options({ condition: { attr: 'leaseOwner', eq: job.leaseOwner } })
    .send()
    .catch((releaseError) => {
      if (!isConditionalCheckFailed(releaseError)) throw releaseError
    })
}

/**
 * Runs `step` as a job: recorded first, deleted when the step returns. If the step throws, the job
 * stays (with a backoff) for the sweep to finish, and the error reaches the caller. A process that
 * dies mid-step leaves the job with its lease, which the sweep takes over once it expires.
 */
export async function runAsJob<T>(
  kind: JobKind,
  targetId: string,
  params: Record<string, string>,
  step: JobStep<T>,
): Promise<T> {
  const job = await claimJob(kind, targetId, params)
  let result: T
  try {
    result = await step(job, contextFor(job))
  } catch (error) {
    // A refusal means the step converged and decided: nothing is left. A database failure or a bug
    // decides nothing: the job stays for the sweep, whatever the step had written so far.
    if (!isRefusal(error)) {
      await release(job, error).catch(() => undefined)
      throw error
    }
    await finish(job)
    throw error
  }
  await finish(job)
  return result
}

/** Jobs whose lease has expired and whose backoff has passed, from every job partition (consistent reads). */
export async function listDueJobs(now: number = Date.now()): Promise<Job[]> {
  const pages = await Promise.all(
    Array.from({ length: JOB_SHARDS }, (_, shard) =>
      RosterTable.build(QueryCommand)
        .entities(JobEntity)
        .query({ partition: jobPartition(shard) })
        .options({ consistent: true, maxPages: Infinity })
        .send(),
    ),
  )
  return pages.flatMap((page) => (page.Items ?? []).map(toJob)).filter((job) => job.leaseUntil < now && job.nextRunAt <= now)
}

/** Every job item, due or not (tests and the health of the sweep). */
export async function listAllJobs(): Promise<Job[]> {
  return listDueJobs(Number.MAX_SAFE_INTEGER)
}

/** Takes over a due job found by the sweep and runs `step` on it. Returns false if someone else took it. */
export async function resumeJob(found: Job, step: JobStep, now: number = Date.now()): Promise<boolean> {
  let job: ClaimedJob
  try {
    const { Attributes } = await JobEntity.build(UpdateItemCommand)
      .item({ kind: found.kind, targetId: found.targetId, leaseOwner: newLeaseOwner(), leaseUntil: Date.now() + leaseMs() })
      .options({ condition: { attr: 'leaseUntil', lt: now }, returnValues: 'ALL_NEW' })
      .send()
    job = claimed(Attributes!)
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false
    throw error
  }
  try {
    await step(job, contextFor(job))
  } catch (error) {
    if (isRefusal(error)) {
      await finish(job)
      return true
    }
    await release(job, error)
    throw error
  }
  await finish(job)
  return true
}

export interface JobProgress {
  running: boolean
  done?: number
  total?: number
  attempts: number
  lastError?: string
}

/** How far a job has got, for the page that started it (none recorded: it has finished). */
export async function getJobProgress(actor: Actor | null, kind: JobKind, targetId: string): Promise<JobProgress> {
  authorize(actor, 'read')
  const { Item } = await JobEntity.build(GetItemCommand).key({ kind, targetId }).options({ consistent: true }).send()
  if (!Item) return { running: false, attempts: 0 }
  return { running: true, done: Item.progress?.done, total: Item.progress?.total, attempts: Item.attempts ?? 0, lastError: Item.lastError }
}
