import { expect, type APIRequestContext } from '@playwright/test'

export const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`

export function mondayOfThisWeek(): string {
  const now = new Date()
  const utc = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  utc.setUTCDate(utc.getUTCDate() - ((utc.getUTCDay() + 6) % 7))
  return utc.toISOString().slice(0, 10)
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

export async function createPerson(request: APIRequestContext, name: string) {
  const response = await request.post('/api/employees', {
    data: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@roster.example`, title: 'Engineer', practice: 'Data', location: 'Lisbon' },
  })
  expect(response.status()).toBe(201)
  return (await response.json()) as { id: string; name: string }
}

export async function staff(request: APIRequestContext, clientId: string, projectId: string, body: Record<string, unknown>) {
  const response = await request.post(`/api/clients/${clientId}/projects/${projectId}/staffing`, { data: body })
  expect(response.status()).toBe(201)
}
