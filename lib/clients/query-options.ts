import { queryOptions } from '@tanstack/react-query'
import type { ClientSummary } from '../dto'
import { getJson } from '../fetch-json'
import type { Page } from '../lists/schemas'
import type { ClientDashboard } from './queries'

export const clientKeys = {
  all: ['clients'] as const,
  search: (q: string) => [...clientKeys.all, 'search', q] as const,
  dashboard: (clientId: string) => [...clientKeys.all, 'dashboard', clientId] as const,
}

export function clientSearchOptions(q: string) {
  return queryOptions({
    queryKey: clientKeys.search(q),
    queryFn: () => getJson<Page<ClientSummary>>(`/api/clients?limit=8&q=${encodeURIComponent(q)}`),
  })
}

/** The client with its projects (one request): where the planner's staffing dialog picks a project. */
export function clientDashboardOptions(clientId: string) {
  return queryOptions({
    queryKey: clientKeys.dashboard(clientId),
    queryFn: () => getJson<ClientDashboard>(`/api/clients/${encodeURIComponent(clientId)}`),
    enabled: Boolean(clientId),
  })
}
