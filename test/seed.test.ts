import assert from 'node:assert/strict'
import { it } from 'node:test'
import { industryOfClientWord, rolesByPractice } from '../lib/seed/catalog'
import { allocationOn } from '../lib/load/allocation'
import { generateDemoData, seedSizes } from '../lib/seed/demo-data'

it('the demo consultancy is the same for the same seed and different for another', () => {
  const first = generateDemoData(seedSizes.demo, { seed: 42, anchor: '2026-11-23' })
  const again = generateDemoData(seedSizes.demo, { seed: 42, anchor: '2026-11-23' })
  const other = generateDemoData(seedSizes.demo, { seed: 7, anchor: '2026-11-23' })
  const strip = (items: Record<string, unknown>[]) => items.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest)
  assert.deepEqual(strip(again.items), strip(first.items))
  assert.notDeepEqual(strip(other.items), strip(first.items))
})

it('the demo has the sizes asked for, unique e-mails, and mostly sensible staffing', () => {
  const { items, counts } = generateDemoData(seedSizes.demo, { anchor: '2026-11-23' })
  assert.deepEqual([counts.clients, counts.projects, counts.employees, counts.technologies, counts.assignments], [25, 80, 200, 50, 400])
  const people = items.filter((item) => item._type === 'Employee') as { email: string; bookings: Record<string, { start: string; end?: string; allocation: number; tentative: boolean; projectId: string }> }[]
  assert.equal(new Set(people.map((p) => p.email)).size, people.length)
  const today = people.map((p) => allocationOn(Object.values(p.bookings).map((b) => ({ ...b, end: b.end ?? null })), '2026-11-25'))
  assert.ok(today.filter((load) => load > 100).length <= people.length * 0.05, 'few people over-booked')
  assert.ok(today.filter((load) => load > 0).length >= people.length * 0.5, 'most people staffed')
})

it('the demo consultancy is believable: unique names, roles that fit each person’s practice, industries that fit client names', () => {
  const { items } = generateDemoData(seedSizes.large, { anchor: '2026-11-23' })
  const people = items.filter((item) => item._type === 'Employee') as { id: string; name: string; practice: keyof typeof rolesByPractice }[]
  assert.equal(new Set(people.map((p) => p.name)).size, people.length, 'no two people share a name')
  const practiceOf = new Map(people.map((p) => [p.id, p.practice]))
  for (const assignment of items.filter((item) => item._type === 'Assignment') as { role: string; employeeId: string }[]) {
    const practice = practiceOf.get(assignment.employeeId)!
    assert.ok(rolesByPractice[practice].includes(assignment.role), `${practice} person staffed as ${assignment.role}`)
  }
  for (const client of items.filter((item) => item._type === 'Client') as { name: string; industry: string }[]) {
    const word = client.name.split(' ')[1] as keyof typeof industryOfClientWord
    assert.equal(client.industry, industryOfClientWord[word], client.name)
  }
})

it('the large scale has one client with exactly 60 projects', () => {
  const { items, counts } = generateDemoData(seedSizes.large, { anchor: '2026-11-23' })
  assert.deepEqual([counts.clients, counts.projects, counts.employees, counts.technologies, counts.assignments, counts.skills], [300, 1500, 2000, 150, 8000, 6000])
  const perClient = new Map<string, number>()
  for (const item of items) if (item._type === 'Project') perClient.set(item.clientId as string, (perClient.get(item.clientId as string) ?? 0) + 1)
  const sizes = [...perClient.values()].sort((a, b) => b - a)
  assert.equal(sizes[0], 60)
  assert.ok(sizes[1] < 30, `the next largest has ${sizes[1]}`)
})
