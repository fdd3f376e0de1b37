import { listEmployees, listEmployeesWithSkill } from '@/lib/employees/queries'
import { createBody, respondAs, searchParamsOf } from '@/lib/http/respond'
import { createEmployee } from '@/lib/employees/mutations'

/** People by name; with `technologyId`, the people who know it (highest level first), each row with their `level`. */
export function GET(request: Request) {
  const { practice, technologyId, ...list } = searchParamsOf(request)
  return respondAs(request, (actor) =>
    technologyId
      ? listEmployeesWithSkill(actor, { ...list, technologyId, practice: practice || undefined })
      : listEmployees(actor, { ...list, practice: practice || undefined }),
  )
}

export async function POST(request: Request) {
  return respondAs(request, async (actor) => createEmployee(actor, await createBody(request)), 201)
}
