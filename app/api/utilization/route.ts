import { respondAs, searchParamsOf } from '@/lib/http/respond'
import { getUtilization } from '@/lib/utilization/queries'

/** Capacity, scheduled, billable and non-billable hours by week or month, firm and practices (one request); query as `/utilization`. */
export function GET(request: Request) {
  return respondAs(request, (actor) => getUtilization(actor, searchParamsOf(request)))
}
