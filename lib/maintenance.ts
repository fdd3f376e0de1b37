import { deleteClient, propagateClientName } from './clients/mutations'
import { deleteEmployee, propagateEmployeeName } from './employees/mutations'
import { isAppError } from './errors'
import { finishJob, listPendingJobs, type Job } from './jobs'
import { deleteProject, propagateProjectName } from './projects/mutations'
import { deleteTechnology, propagateTechnologyName } from './technologies/mutations'

async function runJob(job: Job): Promise<void> {
  switch (job.kind) {
    case 'delete-client':
      return void (await deleteClient({ clientId: job.targetId }))
    case 'delete-project':
      return void (await deleteProject({ clientId: job.parentId ?? '', projectId: job.targetId }))
    case 'delete-employee':
      return void (await deleteEmployee({ employeeId: job.targetId }))
    case 'delete-technology':
      return void (await deleteTechnology({ technologyId: job.targetId }))
    case 'rename-client':
      await propagateClientName(job.targetId)
      break
    case 'rename-project':
      await propagateProjectName(job.parentId ?? '', job.targetId)
      break
    case 'rename-employee':
      await propagateEmployeeName(job.targetId)
      break
    case 'rename-technology':
      await propagateTechnologyName(job.targetId)
      break
  }
  await finishJob(job.kind, job.targetId)
}

/** Finishes every multi-item operation a crash left behind. Run at start-up; safe to run any time. */
export async function resumePendingJobs(log: (message: string) => void = () => {}): Promise<number> {
  const jobs = await listPendingJobs()
  for (const job of jobs) {
    log(`Resuming ${job.kind} ${job.targetId}`)
    try {
      await runJob(job)
    } catch (error) {
      // The target is already gone: the job finished itself.
      if (!(isAppError(error) && error.kind === 'not_found')) throw error
    }
  }
  return jobs.length
}
