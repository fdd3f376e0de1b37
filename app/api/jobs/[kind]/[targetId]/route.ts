import { z } from 'zod'
import { respond } from '@/lib/http'
import { getJobProgress, jobKinds } from '@/lib/jobs/runner'
import { parseInput } from '@/lib/validation'

const jobRef = z.object({
  kind: z.enum(jobKinds, { error: 'Not a kind of job' }),
  targetId: z.string().trim().min(1).max(200).regex(/^[a-z0-9#-]+$/, 'Not a job target'),
})

/** How far a delete or rename has got (polled by the dialog that started it); `running: false` once done. */
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string; targetId: string }> }) {
  const { kind, targetId } = await params
  return respond(async () => {
    const job = parseInput(jobRef, { kind, targetId: decodeURIComponent(targetId) }, 'job')
    return getJobProgress(job.kind, job.targetId)
  })
}

