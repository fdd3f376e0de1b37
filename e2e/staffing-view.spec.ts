import { expect, test } from '@playwright/test'
import { addDays, createPerson, mondayOfThisWeek, stamp, staff } from './helpers'
import { callAction, serverActions } from './server-actions'

test('an employee opened from a dashboard shows the right timeline, the tentative toggle, and a new skill on the technology page', async ({ page, request }) => {
  const id = stamp()
  const overCount = async () => {
    await page.goto('/')
    const heading = await page.getByRole('heading', { name: /^Over-allocated this week/ }).textContent()
    return Number(heading?.match(/\((\d+)\)/)?.[1])
  }
  const overBefore = await overCount()
  const grace = await createPerson(request, `Grace Timeline ${id}`)
  // Sorts before every demo name, so the bench's first few include them.
  const idle = await createPerson(request, `Aaa Idle ${id}`)
  const dashboard = await (await request.get('/api/clients/c00000000001')).json()
  const [project, other] = dashboard.projects
  const monday = mondayOfThisWeek()
  // Week 1: 60% confirmed + 50% tentative (on another project) = 110%; weeks 2–4: 60%; then nothing.
  await staff(request, 'c00000000001', project.id, { employeeId: grace.id, role: 'Engineer', allocation: 60, startDate: monday, endDate: addDays(monday, 25), status: 'confirmed' })
  // Through Sunday: the technology page counts today's bookings, and today may be a weekend day.
  await staff(request, 'c00000000001', other.id, { employeeId: grace.id, role: 'Reviewer', allocation: 50, startDate: monday, endDate: addDays(monday, 6), status: 'tentative' })

  await page.goto('/clients/c00000000001')
  await page.getByRole('link', { name: grace.name }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: grace.name })).toBeVisible()
  const timeline = page.getByRole('table', { name: 'Weekly staffing timeline' })
  await expect(timeline.getByLabel(new RegExp(`^${project.name} .*60%.*`)).first()).toBeVisible()
  await expect(timeline.getByLabel(/50%.*tentative/)).toBeVisible()
  const week1 = page.getByTestId(`week-total-${monday}`)
  const week2 = page.getByTestId(`week-total-${addDays(monday, 7)}`)
  const week5 = page.getByTestId(`week-total-${addDays(monday, 28)}`)
  await expect(week1).toHaveText('110%')
  await expect(week1).toHaveAttribute('aria-label', /over-allocated/)
  await expect(week2).toHaveText('60%')
  await expect(week5).toHaveAttribute('aria-label', /under-used/)
  await page.getByLabel('Include tentative bookings in totals').uncheck()
  await expect(week1).toHaveText('60%')

  // Add a skill and find the person on the technology page.
  const skills = page.getByRole('form', { name: 'Add a skill' })
  await skills.getByRole('combobox', { name: 'Technology' }).fill('Rust')
  await page.getByRole('option', { name: /^Rust/ }).click()
  await skills.getByLabel('Level').selectOption('5')
  await skills.getByRole('button', { name: 'Add skill' }).click()
  await expect(page.getByRole('region', { name: 'Skills' }).getByRole('link', { name: 'Rust' })).toBeVisible()
  await page.goto('/technologies/rust')
  const row = page.getByRole('row', { name: new RegExp(grace.name) })
  await expect(row).toContainText('5 / 5')
  await expect(row).toContainText('110% (over-allocated)')

  // The home page counts her as over-allocated this week and lists the new idle person on the bench.
  expect(await overCount()).toBe(overBefore + 1)
  const bench = page.getByRole('region', { name: /On the bench this week/ })
  await expect(bench.getByRole('link', { name: idle.name })).toBeVisible()
  await expect(bench).toContainText(/free/)
})

test('at 1280 px the whole 26-week timeline fits its card: no week is cut off', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/employees/e00000000001')
  const scroller = page.getByLabel('Timeline, scrolls sideways')
  await expect(scroller).toBeVisible()
  const overflow = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth)
  expect(overflow).toBeLessThanOrEqual(1)
  const headers = page.getByRole('table', { name: 'Weekly staffing timeline' }).getByRole('columnheader')
  await expect(headers).toHaveCount(27)
  const last = await headers.last().boundingBox()
  const card = await page.getByRole('region', { name: 'Next 26 weeks' }).boundingBox()
  expect(last!.x + last!.width).toBeLessThanOrEqual(card!.x + card!.width)
})

test('the person picker shows each candidate’s free capacity over the dates and their levels in the stack, best first', async ({ page, request }) => {
  const id = stamp()
  const dashboard = await (await request.get('/api/clients/c00000000001')).json()
  const project = dashboard.projects.find((p: { stack: unknown[] }) => p.stack.length > 0)
  const other = dashboard.projects.find((p: { id: string }) => p.id !== project.id)
  const technology = project.stack[0] as { technologyId: string; technologyName: string }
  const busy = await createPerson(request, `Picker${id} Busy`)
  const free = await createPerson(request, `Picker${id} Free`)
  const monday = mondayOfThisWeek()
  await staff(request, 'c00000000001', other.id, { employeeId: busy.id, role: 'Engineer', allocation: 100, startDate: monday, status: 'confirmed' })
  const setSkill = serverActions({ employeeId: free.id }).get('setSkillAction')!
  expect((await callAction(request, setSkill, [{ status: 'idle' }, { employeeId: free.id, technologyId: technology.technologyId, level: '4' }])).state).toBe('success')

  await page.goto(`/clients/c00000000001/projects/${project.id}`)
  await page.getByRole('button', { name: 'Staff a person' }).click()
  const form = page.getByRole('form', { name: 'Staff a person' })
  await form.getByLabel('Start date').fill(addDays(monday, 7))
  await form.getByLabel('End date (optional)').fill(addDays(monday, 32))
  await form.getByRole('combobox', { name: 'Person' }).fill(`Picker${id}`)
  const options = page.getByRole('listbox', { name: 'Person' }).getByRole('option')
  await expect(options).toHaveCount(2)
  await expect(options.first()).toContainText(free.name)
  await expect(options.first()).toContainText('free throughout')
  await expect(options.first()).toContainText(`${technology.technologyName} 4`)
  await expect(options.last()).toContainText(busy.name)
  await expect(options.last()).toContainText('fully booked')
})

test('time off recorded on a person’s page shows on their timeline, frees no capacity, and shows on the technology page', async ({ page, request }) => {
  const id = stamp()
  const person = await createPerson(request, `Holiday${id} Person`)
  const dashboard = await (await request.get('/api/clients/c00000000001')).json()
  const monday = mondayOfThisWeek()
  const nextMonday = addDays(monday, 7)
  await staff(request, 'c00000000001', dashboard.projects[0].id, { employeeId: person.id, role: 'Engineer', allocation: 100, startDate: monday, status: 'confirmed' })
  const setSkill = serverActions({ employeeId: person.id }).get('setSkillAction')!
  await callAction(request, setSkill, [{ status: 'idle' }, { employeeId: person.id, technologyId: 'typescript', level: '3' }])

  await page.goto(`/employees/${person.id}`)
  const nextWeek = page.getByTestId(`week-total-${nextMonday}`)
  await expect(nextWeek).toHaveText('100%')
  // Two days off next week: 60% booked, 40% off, nothing free; not over-allocated.
  const form = page.getByRole('form', { name: 'Record time off' })
  await form.getByLabel('Kind').selectOption('vacation')
  await form.getByLabel('First day off').fill(nextMonday)
  await form.getByLabel('Last day off').fill(addDays(nextMonday, 1))
  await form.getByLabel('Note (optional)').fill('Dentist and a day trip')
  await form.getByRole('button', { name: 'Record time off' }).click()
  await expect(page.getByRole('region', { name: 'Time off' })).toContainText('Dentist and a day trip')
  await expect(nextWeek).toHaveText('60%')
  await expect(nextWeek).toHaveAttribute('aria-label', /2 days off \(0% free\)/)
  await expect(page.getByLabel(new RegExp(`Week of .*: 2 days off`))).toBeVisible()

  // Time off from today: the technology page shows the person as away.
  await form.getByLabel('First day off').fill(new Date().toISOString().slice(0, 10))
  await form.getByLabel('Last day off').fill(new Date().toISOString().slice(0, 10))
  await form.getByRole('button', { name: 'Record time off' }).click()
  await expect(page.getByRole('button', { name: /^Remove Vacation/ })).toHaveCount(2)
  await page.goto('/technologies/typescript')
  await expect(page.getByRole('row', { name: new RegExp(person.name) })).toContainText('On time off')
})
