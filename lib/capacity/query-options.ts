import { queryOptions } from '@tanstack/react-query'
import { getJson } from '../fetch-json'
import type { CapacityView } from '../digests/capacity-figures'

export const capacityQueryKeys = {
  all: ['capacity'] as const,
}

/** The capacity digests' figures (`/api/capacity`, one request): the planner's "Unfilled roles" group reads them when opened. */
export function capacityOptions() {
  return queryOptions({ queryKey: capacityQueryKeys.all, queryFn: () => getJson<CapacityView>('/api/capacity') })
}
