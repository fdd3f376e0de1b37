import { listEmployees } from '@/lib/employees/queries'
import { createBody, respond, searchParamsOf } from '@/lib/http'
import { createEmployee } from '@/lib/employees/mutations'

export function GET(request: Request) {
  const { practice, technologyId, ...list } = searchParamsOf(request)
  return respond(() => listEmployees({ ...list, practice: practice || undefined, technologyId: technologyId || undefined }))
}

export async function POST(request: Request) {
  return respond(async () => createEmployee(await createBody(request)), 201)
}
