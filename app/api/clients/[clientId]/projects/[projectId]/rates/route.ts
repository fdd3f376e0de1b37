import { jsonBody, respondAs } from '@/lib/http/respond'
import { setProjectRates } from '@/lib/projects/mutations'

/** Sets the project's own rates per role: body { version, rates: [{ role, rate }] } (rates as typed); its assignments are repriced. Stale version: 409. */
export async function PUT(request: Request, { params }: { params: Promise<{ clientId: string; projectId: string }> }) {
  const { clientId, projectId } = await params
  return respondAs(request, async (actor) => setProjectRates(actor, { ...(await jsonBody(request)), clientId, projectId }))
}
