'use client'

import Link from 'next/link'
import { Button } from '@/components/ui/button'
import { SelectField, TextField } from '@/components/ui/field'
import { SearchPicker, usePick } from '@/components/ui/search-picker'
import { secondaryLinkClass } from '@/components/ui/page-header'
import { locationNames, practiceNames } from '@/lib/employees/practices'
import { useTechnologyOptions } from '@/components/technologies/use-technology-options'
import type { FieldErrors } from '@/lib/errors'

type Params = Record<string, string | undefined>

/**
 * The planner's filters, as a plain GET form: the address holds them, so a filtered view can be
 * shared, and the server answers it with one request.
 */
export function PlannerFilters({ params, errors }: { params: Params; errors: FieldErrors }) {
  const pick = usePick(params.technologyId ? { id: params.technologyId, name: params.technologyName ?? params.technologyId } : null)
  const technology = pick.picked
  const technologies = useTechnologyOptions(pick.search)
  return (
    <form method="get" action="/planner" role="search" aria-label="Planner filters" className="mb-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {(['zoom', 'from', 'tentative'] as const).map((name) => (params[name] ? <input key={name} type="hidden" name={name} value={params[name]} /> : null))}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <SelectField
          name="practice"
          label="Practice"
          defaultValue={params.practice ?? ''}
          errors={errors.practice}
          options={[{ value: '', label: 'All practices' }, ...practiceNames.map((name) => ({ value: name, label: name }))]}
        />
        <TextField name="location" label="Location" list="planner-locations" placeholder="Any office" defaultValue={params.location ?? ''} errors={errors.location} />
        <datalist id="planner-locations">
          {locationNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <div>
          <input type="hidden" name="technologyId" value={technology?.id ?? ''} />
          <input type="hidden" name="technologyName" value={technology?.name ?? ''} />
          <SearchPicker
            label="Skill"
            placeholder="Any skill"
            {...pick.pickerProps}
            options={technologies.options}
            loading={technologies.loading}
            errors={errors.technologyId}
          />
        </div>
        <SelectField
          name="minLevel"
          label="Minimum level"
          defaultValue={params.minLevel ?? ''}
          errors={errors.minLevel}
          options={[{ value: '', label: 'Any level' }, ...[1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: `${level} or more` }))]}
        />
        <TextField name="freeAtLeast" label="Free at least (%)" type="number" min={1} max={100} placeholder="e.g. 50" defaultValue={params.freeAtLeast ?? ''} errors={errors.freeAtLeast} />
        <TextField name="freeFrom" label="Free from" type="date" defaultValue={params.freeFrom ?? ''} errors={errors.freeFrom} hint="Today if blank" />
        <TextField name="freeWeeks" label="For weeks" type="number" min={1} max={52} placeholder="1" defaultValue={params.freeWeeks ?? ''} errors={errors.freeWeeks} />
        <SelectField
          name="sort"
          label="Sort"
          defaultValue={params.sort ?? 'name'}
          options={[{ value: 'name', label: 'By name' }, { value: 'availability', label: 'Most free first' }]}
        />
      </div>
      <div className="mt-3 flex gap-2">
        <Button type="submit">Apply filters</Button>
        <Link href="/planner" className={secondaryLinkClass}>
          Clear
        </Link>
      </div>
    </form>
  )
}
