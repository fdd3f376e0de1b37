import { createBody, notFoundUnless, respondAs } from '@/lib/http/respond'
import { staffEmployee } from '@/lib/staffing/mutations'
import { getProjectPage } from '@/lib/projects/queries'

/** A project's staffing: its assignments (one Query on the client's partition). */
export async function GET(request: Request, { params }: { params: Promise<{ clientId: string; projectId: string }> }) {
  const { clientId, projectId } = await params
  return respondAs(request, async (actor) => {
    const project = notFoundUnless(await getProjectPage(actor, { clientId, projectId }), 'project', projectId)
    return { projectId: project.id, projectName: project.name, assignments: project.assignments }
  })
}

/** Staffs a person: body { employeeId, role, allocation, startDate, endDate?, status? }; Idempotency-Key header honoured. */
export async function POST(request: Request, { params }: { params: Promise<{ clientId: string; projectId: string }> }) {
  const { clientId, projectId } = await params
  return respondAs(request, async (actor) => staffEmployee(actor, { ...(await createBody(request)), clientId, projectId }), 201)
}
