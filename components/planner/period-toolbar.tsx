import Link from 'next/link'
import { secondaryLinkClass } from '@/components/ui/page-header'
import { shiftPeriod } from '@/lib/planner/grid'
import type { PlannerZoom } from '@/lib/planner/schemas'
import { formatDate } from '@/lib/format'
import { TentativeToggle } from './tentative-toggle'

type Params = Record<string, string | undefined>

function hrefWith(params: Params, changes: Params): string {
  const next = new URLSearchParams(Object.entries({ ...params, ...changes }).filter((entry): entry is [string, string] => Boolean(entry[1])))
  return `/planner?${next}`
}

/** Earlier, today, later; weeks or months; and whether tentative work counts. All kept in the address. */
export function PeriodToolbar({ params, zoom, from, includeTentative }: { params: Params; zoom: PlannerZoom; from: string; includeTentative: boolean }) {
  const zoomLink = (value: PlannerZoom, label: string) => (
    <Link
      href={hrefWith(params, { zoom: value, from: undefined })}
      aria-current={zoom === value ? 'true' : undefined}
      className={`rounded-md px-3 py-2 text-sm font-medium ${zoom === value ? 'bg-indigo-700 text-white' : 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
    >
      {label}
    </Link>
  )
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <nav aria-label="Period" className="flex flex-wrap items-center gap-2">
        <Link href={hrefWith(params, { from: shiftPeriod(zoom, from, -1) })} className={secondaryLinkClass}>
          ← Earlier
        </Link>
        <Link href={hrefWith(params, { from: undefined })} className={secondaryLinkClass}>
          Today
        </Link>
        <Link href={hrefWith(params, { from: shiftPeriod(zoom, from, 1) })} className={secondaryLinkClass}>
          Later →
        </Link>
        <span className="text-sm text-slate-600">From {formatDate(from)}</span>
      </nav>
      <nav aria-label="Zoom" className="flex items-center gap-1">
        {zoomLink('weeks', '12 weeks')}
        {zoomLink('months', '12 months')}
      </nav>
      <TentativeToggle on={includeTentative} />
    </div>
  )
}
