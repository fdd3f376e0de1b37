'use client'

import Link from 'next/link'
import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { SearchPicker, usePick } from '@/components/ui/search-picker'
import { secondaryLinkClass } from '@/components/ui/page-header'
import { locationNames, practiceNames } from '@/lib/employees/practices'
import { practiceKey } from '@/lib/digests/capacity-figures'
import { useTechnologyOptions } from '@/components/technologies/use-technology-options'
import { formatDate } from '@/lib/format'
import { shiftPeriod, type PlannerColumn } from '@/lib/planner/grid'
import type { PlannerUnit, PlannerZoom } from '@/lib/planner/schemas'
import type { FieldErrors } from '@/lib/errors'
import { TentativeToggle } from './tentative-toggle'
import { DateInput } from '@/components/ui/date-input'

type Params = Record<string, string | undefined>

/** The planner's address with some parameters changed (undefined removes one); a new filter starts at the first page. */
export function plannerHref(params: Params, changes: Params): string {
  const merged: Params = { ...params, cursor: undefined, ...changes }
  const next = new URLSearchParams(Object.entries(merged).filter((entry): entry is [string, string] => Boolean(entry[1])))
  const query = next.toString()
  return query ? `/planner?${query}` : '/planner'
}

/** The practice as the address names it, matched to the name the form offers (`?practice=backend` is Backend). */
export function practiceOption(practice: string | undefined): string {
  if (!practice) return ''
  return practiceNames.find((name) => practiceKey(name) === practiceKey(practice)) ?? practice
}

/** Each active filter as a chip: what it says, and the address without it. */
export function activeFilters(params: Params): { key: string; label: string; remove: Params }[] {
  const chips: { key: string; label: string; remove: Params }[] = []
  if (params.practice) chips.push({ key: 'practice', label: `Practice: ${practiceOption(params.practice)}`, remove: { practice: undefined } })
  if (params.location) chips.push({ key: 'location', label: `Office: ${params.location}`, remove: { location: undefined } })
  if (params.technologyId) {
    const level = params.minLevel ? ` (level ${params.minLevel}+)` : ''
    chips.push({ key: 'skill', label: `Skill: ${params.technologyName || 'chosen technology'}${level}`, remove: { technologyId: undefined, technologyName: undefined, minLevel: undefined } })
  }
  if (params.freeAtLeast) {
    const weeks = Number(params.freeWeeks || 1)
    const from = params.freeFrom && /^\d{4}-\d{2}-\d{2}$/.test(params.freeFrom) ? formatDate(params.freeFrom) : 'today'
    chips.push({ key: 'free', label: `Free ≥ ${params.freeAtLeast}% for ${weeks} ${weeks === 1 ? 'week' : 'weeks'} from ${from}`, remove: { freeAtLeast: undefined, freeFrom: undefined, freeWeeks: undefined } })
  }
  if (params.sort === 'availability') chips.push({ key: 'sort', label: 'Most free first', remove: { sort: undefined } })
  return chips
}

const segment = (on: boolean) =>
  `px-2.5 py-1.5 text-sm font-medium first:rounded-l-md last:rounded-r-md ${on ? 'bg-indigo-700 text-white' : 'bg-white text-slate-800 hover:bg-slate-50'}`

/**
 * The planner's one toolbar row: the filters behind one button (their form opens below it), a chip
 * for each active filter, the period, the zoom, % or hours, and tentative work. Everything is in the
 * address, so a view can be shared and the server answers it with one request.
 */
export function PlannerToolbar({
  params,
  errors,
  zoom,
  unit,
  columns,
  includeTentative,
}: {
  params: Params
  errors: FieldErrors
  zoom: PlannerZoom
  unit: PlannerUnit
  columns: PlannerColumn[]
  includeTentative: boolean
}) {
  const chips = activeFilters(params)
  const hasErrors = Object.keys(errors).length > 0
  const [open, setOpen] = useState(hasErrors)
  const panelId = useId()
  const from = columns[0].start
  const shown = `${formatDate(from)} – ${formatDate(columns.at(-1)!.end)}`
  return (
    <div className="mb-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
          className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          <span aria-hidden>{open ? '▾' : '▸'}</span> Filters{chips.length ? ` (${chips.length})` : ''}
        </button>
        {chips.length ? (
          <ul aria-label="Active filters" className="flex flex-wrap items-center gap-1">
            {chips.map((chip) => (
              <li key={chip.key}>
                <Link
                  href={plannerHref(params, chip.remove)}
                  aria-label={`Remove filter ${chip.label}`}
                  className="inline-flex items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 px-2.5 py-1 text-xs font-medium text-indigo-900 hover:bg-indigo-100"
                >
                  {chip.label} <span aria-hidden>✕</span>
                </Link>
              </li>
            ))}
            {chips.length > 1 ? (
              <li>
                <Link href={plannerHref({ zoom: params.zoom, from: params.from, unit: params.unit, tentative: params.tentative }, {})} className="px-1 text-xs font-medium text-indigo-700 hover:underline">
                  Clear all
                </Link>
              </li>
            ) : null}
          </ul>
        ) : null}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <nav aria-label="Period" className="flex items-center gap-1">
            <Link href={plannerHref(params, { from: shiftPeriod(zoom, from, -1) })} aria-label="Earlier" className={`${secondaryLinkClass} !px-2.5 !py-1.5`}>
              ←
            </Link>
            <Link href={plannerHref(params, { from: undefined })} className={`${secondaryLinkClass} !px-2.5 !py-1.5`}>
              Today
            </Link>
            <Link href={plannerHref(params, { from: shiftPeriod(zoom, from, 1) })} aria-label="Later" className={`${secondaryLinkClass} !px-2.5 !py-1.5`}>
              →
            </Link>
            <span className="text-sm whitespace-nowrap text-slate-700">{shown}</span>
          </nav>
          <nav aria-label="Zoom" className="flex rounded-md border border-slate-300">
            <Link href={plannerHref(params, { zoom: undefined, from: undefined })} aria-current={zoom === 'weeks' ? 'true' : undefined} className={segment(zoom === 'weeks')}>
              Weeks
            </Link>
            <Link href={plannerHref(params, { zoom: 'months', from: undefined })} aria-current={zoom === 'months' ? 'true' : undefined} className={segment(zoom === 'months')}>
              Months
            </Link>
          </nav>
          <nav aria-label="Cells show" className="flex rounded-md border border-slate-300">
            <Link href={plannerHref(params, { unit: undefined, cursor: params.cursor })} aria-current={unit === 'percent' ? 'true' : undefined} className={segment(unit === 'percent')}>
              %
              <span className="sr-only"> booked</span>
            </Link>
            <Link href={plannerHref(params, { unit: 'hours', cursor: params.cursor })} aria-current={unit === 'hours' ? 'true' : undefined} className={segment(unit === 'hours')}>
              Hours
            </Link>
          </nav>
          <TentativeToggle on={includeTentative} />
        </div>
      </div>
      <div id={panelId} hidden={!open}>
        <PlannerFilterForm params={params} errors={errors} />
      </div>
    </div>
  )
}

/** The filters as a plain GET form: the address holds them. */
function PlannerFilterForm({ params, errors }: { params: Params; errors: FieldErrors }) {
  const pick = usePick(params.technologyId ? { id: params.technologyId, name: params.technologyName ?? params.technologyId } : null)
  const technology = pick.picked
  const technologies = useTechnologyOptions(pick.search)
  const practice = practiceOption(params.practice)
  const practices = practice && !(practiceNames as readonly string[]).includes(practice) ? [...practiceNames, practice] : practiceNames
  return (
    <form method="get" action="/planner" role="search" aria-label="Planner filters" className="mt-2 rounded-lg border border-slate-200 bg-white p-3" noValidate>
      {(['zoom', 'from', 'tentative', 'unit'] as const).map((name) => (params[name] ? <input key={name} type="hidden" name={name} value={params[name]} /> : null))}
      <div className="grid grid-cols-2 gap-x-3 gap-y-1 md:grid-cols-4">
        <SelectField
          name="practice"
          label="Practice"
          defaultValue={practice}
          errors={errors.practice}
          options={[{ value: '', label: 'All practices' }, ...practices.map((name) => ({ value: name, label: name }))]}
        />
        <TextField name="location" label="Office" list="planner-locations" placeholder="Any office" defaultValue={params.location ?? ''} errors={errors.location} />
        <datalist id="planner-locations">
          {locationNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <div>
          <input type="hidden" name="technologyId" value={technology?.id ?? ''} />
          <input type="hidden" name="technologyName" value={technology?.name ?? ''} />
          <SearchPicker label="Skill" placeholder="Any skill" {...pick.pickerProps} options={technologies.options} loading={technologies.loading} errors={errors.technologyId} />
        </div>
        <SelectField
          name="minLevel"
          label="Minimum level"
          defaultValue={params.minLevel ?? ''}
          errors={errors.minLevel}
          options={[{ value: '', label: 'Any level' }, ...[1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: `${level} or more` }))]}
        />
        <TextField name="freeAtLeast" label="Free at least (%)" type="number" min={1} max={100} placeholder="e.g. 50" defaultValue={params.freeAtLeast ?? ''} errors={errors.freeAtLeast} />
        <DateInput name="freeFrom" label="Free from" defaultValue={params.freeFrom ?? ''} errors={errors.freeFrom} hint="Today if blank" />
        <TextField name="freeWeeks" label="For weeks" type="number" min={1} max={52} placeholder="1" defaultValue={params.freeWeeks ?? ''} errors={errors.freeWeeks} />
        <SelectField
          name="sort"
          label="Sort"
          defaultValue={params.sort ?? 'name'}
          options={[{ value: 'name', label: 'By name' }, { value: 'availability', label: 'Most free first' }]}
        />
      </div>
      <div className="mt-2 flex gap-2">
        <Button type="submit">Apply filters</Button>
        <Link href="/planner" className={secondaryLinkClass}>
          Clear
        </Link>
      </div>
    </form>
  )
}
