import type { Metadata } from 'next'
import { requireActor } from '@/lib/auth/session'
import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { ListSearch, Pagination, RestartedNotice } from '@/components/ui/list-search'
import { EmptyState, PageHeader, linkClass } from '@/components/ui/page-header'
import { firstPageIfInvalid } from '@/lib/lists/first-page'
import { listTechnologies } from '@/lib/technologies/queries'
import { technologyCategories, technologyListInput } from '@/lib/technologies/schemas'
import { parseInput } from '@/lib/validation'
import { UnderTheHood } from '@/components/under-the-hood/under-the-hood'
import { withRecording } from '@/lib/recording'
import { ListTable } from '@/components/ui/table'

export const metadata: Metadata = { title: 'Technologies' }

export default async function TechnologiesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor()
  const params = await searchParams
  const { result: { page, restarted }, recording } = await withRecording(() =>
    firstPageIfInvalid(
      () => listTechnologies(actor, parseInput(technologyListInput, params, 'list query')),
      () => listTechnologies(actor, { q: params.q }),
      () => listTechnologies(actor, {}),
    ),
  )
  return (
    <>
      <PageHeader title="Technologies" description="What the firm builds with: how many projects use each and how many people know it." />
      <ListSearch label="Search technologies" filters={[{ name: 'category', label: 'Category', options: technologyCategories.map((c) => ({ value: c, label: c[0].toUpperCase() + c.slice(1) })) }]} />
      <RestartedNotice restarted={restarted} />
      {page.items.length === 0 ? (
        <EmptyState title="No technologies match">Try another name or category.</EmptyState>
      ) : (
        <ListTable caption="Technologies" columns={[{ label: 'Technology' }, { label: 'Category' }, { label: 'Projects', align: 'right' }, { label: 'People', align: 'right' }]}>
          {page.items.map((technology) => (
            <tr key={technology.id}>
              <td className="px-4 py-2"><Link href={`/technologies/${technology.id}`} className={linkClass}>{technology.name}</Link></td>
              <td className="px-4 py-2"><Badge>{technology.category}</Badge></td>
              <td className="px-4 py-2 text-right tabular-nums">{technology.projectCount}</td>
              <td className="px-4 py-2 text-right tabular-nums">{technology.peopleCount}</td>
            </tr>
          ))}
        </ListTable>
      )}
      <Pagination nextCursor={page.nextCursor} isFirstPage={!params.cursor} params={params} />
      <UnderTheHood recording={recording} />
    </>
  )
}
