import type { Metadata } from 'next'
import { requireManager } from '@/lib/auth/session'
import Link from 'next/link'
import { createEmployeeAction } from '@/lib/actions/employees'
import { EmployeeForm } from '@/components/employees/employee-form'
import { PageHeader, linkClass } from '@/components/ui/page-header'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { practiceNames } from '@/lib/employees/practices'

export const metadata: Metadata = { title: 'New person' }

export default async function NewEmployeePage() {
  await requireManager()
  return (
    <>
      <PageHeader title="New person" eyebrow={<Link href="/employees" className={linkClass}>Employees</Link>} />
      <EmployeeForm action={createEmployeeAction} practices={[...practiceNames]} submitLabel="Add person" />
      <UnderTheHood recording={{ accessPattern: 'New person form (no data read)', requests: [] }} />
    </>
  )
}
