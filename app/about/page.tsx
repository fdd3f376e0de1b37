import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader, linkClass } from '@/components/ui/page-header'

export const metadata: Metadata = { title: 'About' }

// No data: this page also serves as the benchmark's "layout, no database" floor.
export default function AboutPage() {
  return (
    <>
      <PageHeader title="About Roster" />
      <div className="max-w-2xl space-y-3 text-slate-700">
        <p>Roster keeps a consultancy's clients, projects, staffing and tech stacks in one DynamoDB table. Every screen is served by a single Query or GetItem.</p>
        <p>Open “Show under the hood” at the bottom of any screen to see the request that served it and the items it returned.</p>
        <p><Link href="/clients" className={linkClass}>Go to clients</Link></p>
      </div>
    </>
  )
}
