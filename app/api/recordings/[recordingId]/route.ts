import { respondAs } from '@/lib/http/respond'
import { recordingFor } from '@/lib/recording-store'

/** The DynamoDB requests (with their items) recorded while rendering a page: the "Under the hood" panel. */
export async function GET(request: Request, { params }: { params: Promise<{ recordingId: string }> }) {
  const { recordingId } = await params
  return respondAs(request, async (actor) => recordingFor(actor, { recordingId }))
}
