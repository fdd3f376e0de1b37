import { getFinance } from '@/lib/finance/queries'
import { respondAs } from '@/lib/http/respond'

/** Revenue, cost and margin by month for the next 12 months, and the projects at risk of overrun (managers and admins; one request). */
export function GET(request: Request) {
  return respondAs(request, (actor) => getFinance(actor))
}
