import { getEmployeeStaffing } from '@/lib/employees/queries'
import { updateEmployee } from '@/lib/employees/mutations'
import { jsonBody, notFoundUnless, respondAs } from '@/lib/http/respond'

export async function GET(request: Request, { params }: { params: Promise<{ employeeId: string }> }) {
  const { employeeId } = await params
  return respondAs(request, async (actor) => notFoundUnless(await getEmployeeStaffing(actor, { employeeId }), 'employee', employeeId))
}

/** Saves the person's details: body { version, name, email, title, practice, location, capacityHours? }; stale version: 409. */
export async function PATCH(request: Request, { params }: { params: Promise<{ employeeId: string }> }) {
  const { employeeId } = await params
  return respondAs(request, async (actor) => updateEmployee(actor, { ...(await jsonBody(request)), employeeId }))
}
