import { getClientDashboard } from '@/lib/clients/queries'
import { notFoundUnless, respond } from '@/lib/http'

export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params
  return respond(async () => notFoundUnless(await getClientDashboard({ clientId }), 'client', clientId))
}
