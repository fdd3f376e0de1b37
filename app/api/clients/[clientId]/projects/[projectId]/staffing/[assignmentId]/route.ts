import { jsonBody, respondAs } from '@/lib/http/respond'
import { changeAssignment, unstaffEmployee } from '@/lib/staffing/mutations'

type Params = { params: Promise<{ clientId: string; projectId: string; assignmentId: string }> }

/** Changes the assignment: body { version, role, allocation, startDate, endDate?, status }; stale version: 409. */
export async function PATCH(request: Request, { params }: Params) {
  const ids = await params
  return respondAs(request, async (actor) => changeAssignment(actor, { ...(await jsonBody(request)), ...ids }))
}

/** Takes the person off the project. */
export async function DELETE(request: Request, { params }: Params) {
  const ids = await params
  return respondAs(request, async (actor) => {
    await unstaffEmployee(actor, ids)
    return { deleted: ids.assignmentId }
  })
}
