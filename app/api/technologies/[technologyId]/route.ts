import { jsonBody, notFoundUnless, respondAs, searchParamsOf } from '@/lib/http/respond'
import { updateTechnology } from '@/lib/technologies/mutations'
import { getTechnologyPage } from '@/lib/technologies/queries'

/** One page of the technology's people (highest level first) or, with `view=projects`, of its projects; `cursor` for the next. */
export async function GET(request: Request, { params }: { params: Promise<{ technologyId: string }> }) {
  const { technologyId } = await params
  const { view, cursor } = searchParamsOf(request)
  return respondAs(request, async (actor) =>
    notFoundUnless(await getTechnologyPage(actor, { technologyId, view: view === 'projects' ? 'projects' : 'people', cursor: cursor || undefined }), 'technology', technologyId),
  )
}

/** Renames or recategorises: body { version, name, category }; stale version: 409. */
export async function PATCH(request: Request, { params }: { params: Promise<{ technologyId: string }> }) {
  const { technologyId } = await params
  return respondAs(request, async (actor) => updateTechnology(actor, { ...(await jsonBody(request)), technologyId }))
}
