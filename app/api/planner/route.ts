import { respondAs, searchParamsOf } from '@/lib/http/respond'
import { listPlannerPeople } from '@/lib/planner/queries'

/** A page of the planner's people with their bookings and time off; query: the planner's filters and `cursor`. */
export function GET(request: Request) {
  return respondAs(request, (actor) => listPlannerPeople(actor, searchParamsOf(request)))
}
