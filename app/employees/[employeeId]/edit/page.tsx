import type { Metadata } from 'next'
import { requireManager } from '@/lib/auth/session'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { updateEmployeeAction } from '@/lib/actions/employees'
import { EmployeeForm } from '@/components/employees/employee-form'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { practiceNames } from '@/lib/employees/practices'
import { getEmployee } from '@/lib/employees/queries'
import { withRecording } from '@/lib/recording'

export const metadata: Metadata = { title: 'Edit person' }

export default async function EditEmployeePage({ params }: { params: Promise<{ employeeId: string }> }) {
  const actor = await requireManager()
  const { employeeId } = await params
  const { result: employee, recording } = await withRecording(() => getEmployee(actor, { employeeId }))
  if (!employee) notFound()
  return (
    <>
      <PageHeader title={`Edit ${employee.name}`} eyebrow={<Link href={`/employees/${employee.id}`} className={linkClass}>{employee.name}</Link>} />
      <EmployeeForm action={updateEmployeeAction} employee={employee} practices={[...practiceNames]} submitLabel="Save details" />
      <UnderTheHood recording={recording} />
    </>
  )
}
