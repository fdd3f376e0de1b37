import { jsonBody, notFoundUnless, respondAs } from '@/lib/http'
import { updateTechnology } from '@/lib/technologies/mutations'
import { getTechnologyPage } from '@/lib/technologies/queries'

export async function GET(request: Request, { params }: { params: Promise<{ technologyId: string }> }) {
  const { technologyId } = await params
  return respondAs(request, async (actor) => notFoundUnless(await getTechnologyPage(actor, { technologyId }), 'technology', technologyId))
}

/** Renames or recategorises: body { version, name, category }; stale version: 409. */
export async function PATCH(request: Request, { params }: { params: Promise<{ technologyId: string }> }) {
  const { technologyId } = await params
  return respondAs(request, async (actor) => updateTechnology(actor, { ...(await jsonBody(request)), technologyId }))
}
