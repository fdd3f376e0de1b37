import { notFoundUnless, respond } from '@/lib/http'
import { getTechnologyPage } from '@/lib/technologies/queries'

export async function GET(_request: Request, { params }: { params: Promise<{ technologyId: string }> }) {
  const { technologyId } = await params
  return respond(async () => notFoundUnless(await getTechnologyPage({ technologyId }), 'technology', technologyId))
}
