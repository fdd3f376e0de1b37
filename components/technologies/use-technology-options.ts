'use client'

import { useQuery } from '@tanstack/react-query'
import type { PickerOption } from '@/components/ui/search-picker'
import { technologySearchOptions } from '@/lib/technologies/query-options'

/**
 * The technologies whose names start with what was typed, as a SearchPicker's options (one search
 * request, only once something is typed); `exclude` leaves out those already chosen.
 */
export function useTechnologyOptions(search: string, exclude?: ReadonlySet<string>) {
  const results = useQuery({ ...technologySearchOptions(search), enabled: search.trim().length > 0 })
  const found = results.data?.items ?? []
  const options: PickerOption[] = found.filter((technology) => !exclude?.has(technology.id)).map((technology) => ({ id: technology.id, label: technology.name, detail: technology.category }))
  return {
    options,
    loading: results.isFetching,
    /** Whether one found has exactly the name typed (so offering to create it would make a twin). */
    exactMatch: found.some((technology) => technology.name.toLowerCase() === search.trim().toLowerCase()),
  }
}
