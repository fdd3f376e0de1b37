import { actorFromHeaders } from '@/lib/auth/actor'
import { exportStaffingPlan } from '@/lib/exports/csv'
import { errorResponse, searchParamsOf } from '@/lib/http/respond'

/** The staffing plan as CSV, streamed; query: `from`, `to` (ISO dates; today and 26 weeks on by default). */
export async function GET(request: Request) {
  let exported
  try {
    exported = exportStaffingPlan(await actorFromHeaders(request.headers), searchParamsOf(request))
  } catch (error) {
    return errorResponse(error)
  }
  const { from, to, chunks } = exported
  const encoder = new TextEncoder()
  // The browser may stop reading (a cancelled download) while a chunk is being read: from then on
  // nothing more is written to the stream.
  let cancelled = false
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<string>
      try {
        next = await chunks.next()
      } catch (error) {
        console.error(error)
        if (!cancelled) controller.error(new Error('The export stopped part-way; please try again.'))
        return
      }
      if (cancelled) return
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      cancelled = true
      await chunks.return(undefined)
    },
  })
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="roster-staffing-${from}-to-${to}.csv"`,
      'cache-control': 'no-store',
    },
  })
}
