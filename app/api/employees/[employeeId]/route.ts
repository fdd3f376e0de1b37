import { getEmployeeStaffing } from '@/lib/employees/queries'
import { updateEmployee } from '@/lib/employees/mutations'
import { jsonBody, notFoundUnless, respond } from '@/lib/http'

export async function GET(_request: Request, { params }: { params: Promise<{ employeeId: string }> }) {
  const { employeeId } = await params
  return respond(async () => notFoundUnless(await getEmployeeStaffing({ employeeId }), 'employee', employeeId))
}

/** Saves the person's details: body { version, name, email, title, practice, location, capacityHours? }; stale version: 409. */
export async function PATCH(request: Request, { params }: { params: Promise<{ employeeId: string }> }) {
  const { employeeId } = await params
  return respond(async () => updateEmployee({ ...(await jsonBody(request)), employeeId }))
}
