import type { Metadata } from 'next'
import { EmployeeStaffingView } from '@/components/employees/employee-staffing-view'
import { EmptyState, PageHeader } from '@/components/ui/page-header'
import { requireActor } from '@/lib/auth/session'
import { getEmployeeStaffing } from '@/lib/employees/queries'
import { withRecording } from '@/lib/recording'

export const metadata: Metadata = { title: 'My staffing' }

/** The signed-in person's own staffing view: their employee record, found by their e-mail. */
export default async function MyStaffingPage() {
  const actor = await requireActor()
  const employeeId = actor.employeeId
  const { result: staffing, recording } = employeeId ? await withRecording(() => getEmployeeStaffing(actor, { employeeId })) : { result: null, recording: null }
  if (!staffing || !recording) {
    return (
      <>
        <PageHeader title="My staffing" />
        <EmptyState title={`No employee record has your e-mail, ${actor.email}.`}>
          A manager adds people on the Employees page; once your record has this address, your staffing shows here the next time you sign in.
        </EmptyState>
      </>
    )
  }
  return <EmployeeStaffingView staffing={staffing} actor={actor} recording={recording} eyebrow="My staffing" />
}
