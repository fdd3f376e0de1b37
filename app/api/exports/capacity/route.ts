import { actorFromHeaders } from '@/lib/auth/actor'
import { exportCapacity } from '@/lib/exports/csv'
import { errorResponse, searchParamsOf } from '@/lib/http/respond'
import { todayIso } from '@/lib/load/allocation'

/** The capacity figures as CSV; query: `practice` (its key, as /capacity uses), `tentative=ignore`. */
export async function GET(request: Request) {
  try {
    const csv = await exportCapacity(await actorFromHeaders(request.headers), searchParamsOf(request))
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="roster-capacity-${todayIso()}.csv"`,
        'cache-control': 'no-store',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
