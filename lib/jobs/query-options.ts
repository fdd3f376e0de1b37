import { queryOptions } from '@tanstack/react-query'
import { getJson } from '../fetch-json'
import type { JobProgress } from './runner'

export const jobKeys = {
  all: ['jobs'] as const,
  progress: (kind: string, targetId: string) => [...jobKeys.all, kind, targetId] as const,
}

/** Polls a running job's progress twice a second. */
export function jobProgressOptions(kind: string, targetId: string) {
  return queryOptions({
    queryKey: jobKeys.progress(kind, targetId),
    queryFn: () => getJson<JobProgress>(`/api/jobs/${kind}/${encodeURIComponent(targetId)}`),
    refetchInterval: 500,
  })
}
