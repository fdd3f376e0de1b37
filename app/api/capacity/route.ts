import { getCapacity } from '@/lib/capacity/queries'
import { respondAs } from '@/lib/http/respond'

/** Every practice's capacity and demand for the next 26 weeks, and its first unfilled roles (one request). */
export function GET(request: Request) {
  return respondAs(request, (actor) => getCapacity(actor))
}
