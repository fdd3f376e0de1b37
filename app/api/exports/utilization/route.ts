import { actorFromHeaders } from '@/lib/auth/actor'
import { exportUtilization } from '@/lib/exports/csv'
import { errorResponse, searchParamsOf } from '@/lib/http/respond'
import { todayIso } from '@/lib/load/allocation'

/** Utilization as CSV; query as `/utilization`: `period`, `from`, `to`, `grain`, `practice` (its key), `tentative=ignore`. Hours only. */
export async function GET(request: Request) {
  try {
    const csv = await exportUtilization(await actorFromHeaders(request.headers), searchParamsOf(request))
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="roster-utilization-${todayIso()}.csv"`,
        'cache-control': 'no-store',
      },
    })
  } catch (error) {
    return errorResponse(error)
  }
}
