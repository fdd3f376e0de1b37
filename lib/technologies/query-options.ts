import { queryOptions } from '@tanstack/react-query'
import type { TechnologySummary } from '../dto'
import { getJson } from '../fetch-json'
import type { Page } from '../lists/schemas'

export const technologyKeys = {
  all: ['technologies'] as const,
  search: (q: string) => [...technologyKeys.all, 'search', q] as const,
}

export function technologySearchOptions(q: string) {
  return queryOptions({
    queryKey: technologyKeys.search(q),
    queryFn: () => getJson<Page<TechnologySummary>>(`/api/technologies?limit=8&q=${encodeURIComponent(q)}`),
  })
}
