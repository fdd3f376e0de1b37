import { getEmployeeStaffing } from '@/lib/employees/queries'
import { notFoundUnless, respond } from '@/lib/http'

export async function GET(_request: Request, { params }: { params: Promise<{ employeeId: string }> }) {
  const { employeeId } = await params
  return respond(async () => notFoundUnless(await getEmployeeStaffing({ employeeId }), 'employee', employeeId))
}
