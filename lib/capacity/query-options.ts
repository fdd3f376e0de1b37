import { queryOptions } from '@tanstack/react-query'
import { getJson } from '../fetch-json'
import type { CapacityScreen } from './unfilled-hours'

export const capacityQueryKeys = {
  all: ['capacity'] as const,
}

/** The capacity digests' figures (`/api/capacity`, one request): the planner's "Unfilled roles" group reads them when opened. */
export function capacityOptions() {
  return queryOptions({ queryKey: capacityQueryKeys.all, queryFn: () => getJson<CapacityScreen>('/api/capacity') })
}
