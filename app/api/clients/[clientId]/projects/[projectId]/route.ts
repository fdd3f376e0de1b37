import { jsonBody, notFoundUnless, respondAs } from '@/lib/http/respond'
import { updateProject } from '@/lib/projects/mutations'
import { getProjectPage } from '@/lib/projects/queries'

/** The project with its assignments and stack (one Query on the client's partition). */
export async function GET(request: Request, { params }: { params: Promise<{ clientId: string; projectId: string }> }) {
  const { clientId, projectId } = await params
  return respondAs(request, async (actor) => notFoundUnless(await getProjectPage(actor, { clientId, projectId }), 'project', projectId))
}

/**
 * Saves the project: body { version, name, description?, status, startDate, endDate?, pricing?, budgetKind?, budget? }, the budget as typed
 * ("12500.00", or hours); stale version: 409.
 */
export async function PATCH(request: Request, { params }: { params: Promise<{ clientId: string; projectId: string }> }) {
  const { clientId, projectId } = await params
  return respondAs(request, async (actor) => updateProject(actor, { ...(await jsonBody(request)), clientId, projectId }))
}
