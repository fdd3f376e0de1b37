import { getClientDashboard } from '@/lib/clients/queries'
import { updateClient } from '@/lib/clients/mutations'
import { jsonBody, notFoundUnless, respond } from '@/lib/http'

export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params
  return respond(async () => notFoundUnless(await getClientDashboard({ clientId }), 'client', clientId))
}

/** Saves the client: body { version, name, industry, contactEmail, status }; a stale version is a 409 with `current`. */
export async function PATCH(request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params
  return respond(async () => updateClient({ ...(await jsonBody(request)), clientId }))
}
