import { queryOptions } from '@tanstack/react-query'
import type { EmployeeSummary } from '../dto'
import { getJson } from '../fetch-json'
import type { Page } from '../lists/schemas'
import type { EmployeeStaffing } from './queries'

export const employeeKeys = {
  all: ['employees'] as const,
  search: (q: string) => [...employeeKeys.all, 'search', q] as const,
  staffing: (employeeId: string) => [...employeeKeys.all, 'staffing', employeeId] as const,
}

export function employeeSearchOptions(q: string) {
  return queryOptions({
    queryKey: employeeKeys.search(q),
    queryFn: () => getJson<Page<EmployeeSummary>>(`/api/employees?limit=8&q=${encodeURIComponent(q)}`),
  })
}

export function employeeStaffingOptions(employeeId: string) {
  return queryOptions({
    queryKey: employeeKeys.staffing(employeeId),
    queryFn: () => getJson<EmployeeStaffing>(`/api/employees/${encodeURIComponent(employeeId)}`),
    enabled: Boolean(employeeId),
  })
}
