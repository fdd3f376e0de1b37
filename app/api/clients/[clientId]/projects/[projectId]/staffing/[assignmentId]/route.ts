import { jsonBody, respond } from '@/lib/http'
import { changeAssignment, unstaffEmployee } from '@/lib/staffing/mutations'

type Params = { params: Promise<{ clientId: string; projectId: string; assignmentId: string }> }

/** Changes the assignment: body { version, role, allocation, startDate, endDate?, status }; stale version: 409. */
export async function PATCH(request: Request, { params }: Params) {
  const ids = await params
  return respond(async () => changeAssignment({ ...(await jsonBody(request)), ...ids }))
}

/** Takes the person off the project. */
export async function DELETE(_request: Request, { params }: Params) {
  const ids = await params
  return respond(async () => {
    await unstaffEmployee(ids)
    return { deleted: ids.assignmentId }
  })
}
