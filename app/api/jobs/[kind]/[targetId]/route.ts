import { z } from 'zod'
import { respondAs } from '@/lib/http/respond'
import { getJobProgress, jobKinds } from '@/lib/jobs/runner'
import { parseInput } from '@/lib/validation'

const jobRef = z.object({
  kind: z.enum(jobKinds, { error: 'Not a kind of job' }),
  targetId: z.string().trim().min(1).max(200).regex(/^[a-z0-9#-]+$/, 'Not a job target'),
})

// The dialog encodes the target; a malformed escape (a bare %) is simply not a job target.
function decodedOnce(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** How far a delete or rename has got (polled by the dialog that started it); `running: false` once done. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string; targetId: string }> }) {
  const { kind, targetId } = await params
  return respondAs(request, async (actor) => {
    const job = parseInput(jobRef, { kind, targetId: decodedOnce(targetId) }, 'job')
    return getJobProgress(actor, job.kind, job.targetId)
  })
}

