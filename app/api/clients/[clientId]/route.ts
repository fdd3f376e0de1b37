import { getClientDashboard } from '@/lib/clients/queries'
import { updateClient } from '@/lib/clients/mutations'
import { jsonBody, notFoundUnless, respondAs } from '@/lib/http/respond'

export async function GET(request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params
  return respondAs(request, async (actor) => notFoundUnless(await getClientDashboard(actor, { clientId }), 'client', clientId))
}

/** Saves the client: body { version, name, industry, contactEmail, status }; a stale version is a 409 with `current`. */
export async function PATCH(request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params
  return respondAs(request, async (actor) => updateClient(actor, { ...(await jsonBody(request)), clientId }))
}
