import Link from 'next/link'
import { demandOf, type CapacityWeek } from '@/lib/digests/capacity-figures'
import { formatDate } from '@/lib/format'
import { linkClass } from '@/components/ui/page-header'

type Practice = { key: string; name: string; people: number; roleWeekHours: number; weeks: CapacityWeek[] }

/** A week's demand as a share of capacity, in percent; null when there is no capacity to share. */
function loadOf(week: CapacityWeek, includeTentative: boolean): { percent: number | null; demand: number } {
  const demand = demandOf(week, includeTentative)
  return { percent: week.capacity > 0 ? Math.round((demand / week.capacity) * 100) : null, demand }
}

/** "2 Mar", with the year on the first week and on a new year's first week. */
function weekLabel(weekStart: string, index: number, weeks: string[]): string {
  const full = formatDate(weekStart)
  return index === 0 || weekStart.slice(0, 4) !== weeks[index - 1].slice(0, 4) ? full : full.replace(/ \d{4}$/, '')
}

/**
 * "All practices", practice by practice: each week's demand as a share of the practice's capacity,
 * from the same figures as the chart (the one read of the capacity digests).
 */
export function PracticeBreakdown({ practices, weeks, includeTentative }: { practices: Practice[]; weeks: string[]; includeTentative: boolean }) {
  return (
    <>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Practices week by week (scrolls sideways)">
        <table className="w-full border-separate border-spacing-0 text-xs">
          <caption className="sr-only">Demand as a share of capacity, by practice and week{includeTentative ? '' : ', tentative work not counted'}</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 z-10 min-w-36 bg-white py-1 pr-2 text-left font-medium text-slate-700">Practice</th>
              {weeks.map((week, i) => (
                <th key={week} scope="col" className="min-w-10 px-0.5 py-1 text-center font-medium leading-tight text-slate-700">
                  {weekLabel(week, i, weeks)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {practices.map((practice) => (
              <tr key={practice.key}>
                <th scope="row" className="sticky left-0 z-10 border-t border-slate-100 bg-white py-1 pr-2 text-left font-normal">
                  <Link href={`/capacity?practice=${encodeURIComponent(practice.key)}${includeTentative ? '' : '&tentative=ignore'}`} className={linkClass}>{practice.name}</Link>
                  <span className="block text-slate-600">{practice.people} {practice.people === 1 ? 'person' : 'people'}</span>
                </th>
                {practice.weeks.map((week) => {
                  const { percent, demand } = loadOf(week, includeTentative)
                  const over = percent === null ? demand > 0 : percent > 100
                  const full = !over && percent !== null && percent >= 90
                  const text = percent === null ? (demand > 0 ? `${Math.round(demand)} h!` : '–') : `${percent}%${over ? '!' : ''}`
                  return (
                    <td key={week.weekStart} className={`border-t border-slate-100 px-0.5 py-1 text-center tabular-nums ${over ? 'bg-red-50 font-semibold text-red-800' : full ? 'bg-amber-50 text-amber-900' : 'text-slate-800'}`}>
                      {text}
                      <span aria-hidden="true" className="mx-auto mt-0.5 block h-1 w-8 rounded-full bg-slate-200">
                        <span className={`block h-1 rounded-full ${over ? 'bg-red-700' : full ? 'bg-amber-600' : 'bg-sky-700'}`} style={{ width: `${percent === null ? (demand > 0 ? 100 : 0) : Math.min(100, percent)}%` }} />
                      </span>
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        Each cell is the week&apos;s demand as a share of the practice&apos;s capacity. Amber: 90–100%, nearly full. Red with “!”: demand above capacity (a deficit); “h!” is demand where the practice has no capacity.
      </p>
    </>
  )
}
