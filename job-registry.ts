import 'server-only'
import { sweepClient, propagateClientName } from './lib/clients/mutations'
import { propagateEmployeeName, sweepEmployee } from './lib/employees/mutations'
import { syncSkill } from './lib/edges/skill'
import { refreshTimeOffCopies } from './lib/employees/time-off'
import { propagateProjectChanges, propagateProjectPricing, sweepProject } from './lib/projects/mutations'
import { repriceFirm } from './lib/edges/repricing'
import { syncProject } from './lib/edges/project'
import { syncStackEntry } from './lib/edges/stack-entry'
import { syncAssignment } from './lib/edges/assignment'
import { propagateTechnologyName, sweepTechnology } from './lib/technologies/mutations'
import { listDueJobs, resumeJob, runAsJob, type Job, type JobKind, type JobStep } from './lib/jobs/runner'
import { forEachBounded } from './lib/db'
import { overviewIsCurrent, syncPersonOverview } from './lib/digests/overview-sync'
import { refreshOverview } from './lib/upkeep/refresh-overview'
import { isAppError, messageOf } from './lib/errors'
import { syncUnfilledRole } from './lib/edges/unfilled-role'
import { resumeFill } from './lib/roles/mutations'

// What each kind of job does when it is resumed: the same idempotent step its mutation runs.
const steps: Record<JobKind, JobStep> = {
  'sync-assignment': ({ targetId, params }) => syncAssignment({ clientId: params.clientId, projectId: params.projectId, employeeId: params.employeeId, assignmentId: targetId }),
  'sync-skill': ({ params }) => syncSkill({ employeeId: params.employeeId, technologyId: params.technologyId }),
  'sync-stack-entry': ({ params }) => syncStackEntry({ clientId: params.clientId, projectId: params.projectId, technologyId: params.technologyId }),
  'sync-project': ({ targetId, params }) => syncProject({ clientId: params.clientId, projectId: targetId }),
  // The entry itself was written (or not) by the request; what is left is to bring the copies up to date.
  'sync-time-off': ({ params }) => refreshTimeOffCopies(params.employeeId),
  'sync-person': ({ targetId }) => syncPersonOverview(targetId, { membership: true }),
  'sync-role': ({ targetId, params }) => syncUnfilledRole({ clientId: params.clientId, projectId: params.projectId, roleId: targetId }),
  'fill-role': ({ params }) => resumeFill({ clientId: params.clientId, projectId: params.projectId, roleId: params.roleId }, params.fillToken),
  'refresh-overview': (_job, context) => refreshOverview({ onProgress: (done, total) => context.heartbeat({ done, total }) }),
  'delete-client': ({ targetId }, context) => sweepClient(targetId, context),
  'delete-project': ({ targetId, params }, context) => sweepProject(params.clientId, targetId, context),
  'delete-employee': ({ targetId }, context) => sweepEmployee(targetId, context),
  'delete-technology': ({ targetId }, context) => sweepTechnology(targetId, context),
  'rename-client': ({ targetId }) => propagateClientName(targetId),
  'rename-project': ({ targetId, params }) => propagateProjectChanges(params.clientId, targetId),
  'reprice-project': ({ targetId, params }, context) => propagateProjectPricing(params.clientId, targetId, context),
  // The role keys whose rates changed, as JSON (every assignment when empty).
  'reprice-firm': ({ params }, context) => repriceFirm(params.roles ? (JSON.parse(params.roles) as string[]) : [], context),
  'rename-employee': ({ targetId }) => propagateEmployeeName(targetId),
  'rename-technology': ({ targetId }, context) => propagateTechnologyName(targetId, context),
}

export interface SweepResult {
  resumed: number
  failed: number
}

/**
 * Finishes every job whose lease has expired (its process died or gave up) and whose backoff has
 * passed. A failing job is logged and left for a later sweep with a longer backoff; the sweep itself
 * never throws, so start-up and the periodic timer cannot be stopped by one bad job.
 */
export async function sweepJobs(options: { now?: number; log?: (message: string) => void; concurrency?: number } = {}): Promise<SweepResult> {
  const log = options.log ?? ((message: string) => console.log(`[roster] ${message}`))
  const result: SweepResult = { resumed: 0, failed: 0 }
  let due: Job[]
  try {
    due = await listDueJobs(options.now)
  } catch (error) {
    log(`Job sweep could not list jobs: ${messageOf(error)}`)
    return result
  }
  await forEachBounded(due, options.concurrency ?? 4, async (job) => {
    try {
      if (await resumeJob(job, steps[job.kind], options.now)) {
        result.resumed++
        log(`Finished ${job.kind} ${job.targetId}`)
      }
    } catch (error) {
      result.failed++
      log(`Job ${job.kind} ${job.targetId} failed (attempt ${job.attempts + 1}), will retry: ${messageOf(error)}`)
    }
  })
  return result
}

let timer: NodeJS.Timeout | undefined

/** Sweeps every `intervalMs` in the background of a server process (instrumentation.ts). */
export function startJobSweeper(intervalMs = Number(process.env.ROSTER_JOB_SWEEP_MS ?? 15_000)): void {
  if (timer || intervalMs <= 0) return
  let running = false
  timer = setInterval(() => {
    if (running) return
    running = true
    const log = (message: string) => console.log(`[roster] ${message}`)
    void sweepJobs({ log })
      .then(() => keepOverviewCurrent({ log }))
      .finally(() => {
        running = false
      })
  }, intervalMs)
  timer.unref()
}

/**
 * Rolls the overview over to a new week or day when it has not been yet (one consistent GetItem when
 * it is current). One instance does it; the others find its job's lease and leave it.
 */
export async function keepOverviewCurrent(options: { log?: (message: string) => void; today?: string } = {}): Promise<boolean> {
  try {
    if (await overviewIsCurrent(options.today)) return false
    await runAsJob('refresh-overview', 'firm', {}, (_job, context) => refreshOverview({ today: options.today, onProgress: (done, total) => context.heartbeat({ done, total }) }))
    options.log?.('Brought the overview up to date')
    return true
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict:busy') return false
    options.log?.(`Overview refresh failed, will retry: ${messageOf(error)}`)
    return false
  }
}

export function stopJobSweeper(): void {
  clearInterval(timer)
  timer = undefined
}
