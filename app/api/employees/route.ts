import { listEmployees } from '@/lib/employees/queries'
import { createBody, respondAs, searchParamsOf } from '@/lib/http'
import { createEmployee } from '@/lib/employees/mutations'

export function GET(request: Request) {
  const { practice, technologyId, ...list } = searchParamsOf(request)
  return respondAs(request, (actor) => listEmployees(actor, { ...list, practice: practice || undefined, technologyId: technologyId || undefined }))
}

export async function POST(request: Request) {
  return respondAs(request, async (actor) => createEmployee(actor, await createBody(request)), 201)
}
