import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { EmployeeStaffingView } from '@/components/employees/employee-staffing-view'
import { linkClass } from '@/components/ui/page-header'
import { requireActor } from '@/lib/auth/session'
import { getEmployeeStaffing } from '@/lib/employees/queries'
import { withRecording } from '@/lib/recording'

export const metadata: Metadata = { title: 'Staffing' }

export default async function EmployeePage({ params, searchParams }: { params: Promise<{ employeeId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const actor = await requireActor()
  const { employeeId } = await params
  const { result: staffing, recording } = await withRecording(() => getEmployeeStaffing(actor, { employeeId }))
  if (!staffing) notFound()
  const notice = (await searchParams).saved ? 'Details saved.' : undefined
  return <EmployeeStaffingView staffing={staffing} actor={actor} recording={recording} notice={notice} eyebrow={<Link href="/employees" className={linkClass}>Employees</Link>} />
}
