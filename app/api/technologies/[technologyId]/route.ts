import { jsonBody, notFoundUnless, respond } from '@/lib/http'
import { updateTechnology } from '@/lib/technologies/mutations'
import { getTechnologyPage } from '@/lib/technologies/queries'

export async function GET(_request: Request, { params }: { params: Promise<{ technologyId: string }> }) {
  const { technologyId } = await params
  return respond(async () => notFoundUnless(await getTechnologyPage({ technologyId }), 'technology', technologyId))
}

/** Renames or recategorises: body { version, name, category }; stale version: 409. */
export async function PATCH(request: Request, { params }: { params: Promise<{ technologyId: string }> }) {
  const { technologyId } = await params
  return respond(async () => updateTechnology({ ...(await jsonBody(request)), technologyId }))
}
