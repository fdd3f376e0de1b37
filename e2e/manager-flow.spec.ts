import { expect, test } from '@playwright/test'
import { createPerson } from './helpers'

const stamp = Date.now().toString(36)

test('a manager builds a client with a staffed project and a stack, then deletes it', async ({ page, request }) => {
  // Two people of our own, one already half-booked elsewhere so the warning is deterministic.
  const ada = await createPerson(request, `Ada Test ${stamp}`)
  const linus = await createPerson(request, `Linus Test ${stamp}`)
  const seeded = await (await request.get('/api/clients/c00000000001')).json()
  const elsewhere = seeded.projects[0]
  const today = new Date().toISOString().slice(0, 10)
  const booked = await request.post(`/api/clients/c00000000001/projects/${elsewhere.id}/staffing`, {
    data: { employeeId: ada.id, role: 'Engineer', allocation: 50, startDate: today, status: 'confirmed' },
  })
  expect(booked.status()).toBe(201)

  const clientName = `Acme Test ${stamp}`
  await page.goto('/clients')
  await page.getByRole('link', { name: 'New client' }).click()
  await page.getByLabel('Name').fill(clientName)
  await page.getByLabel('Industry').fill('Retail')
  await page.getByLabel('Contact email').fill('cto@acme.example')
  await page.getByRole('button', { name: 'Create client' }).click()
  await expect(page.getByRole('heading', { level: 1, name: clientName })).toBeVisible()
  await expect(page.getByText('No projects yet')).toBeVisible()

  await page.getByRole('link', { name: 'Add project' }).click()
  await page.getByLabel('Project name').fill('Checkout Rebuild')
  await page.getByLabel('Status').selectOption('active')
  await page.getByLabel('Start date').fill(today)
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout Rebuild' })).toBeVisible()

  // The page's forms wait behind their buttons; opening one puts focus in its first field.
  for (const name of ['Add to stack', 'Staff a person', 'Plan an unfilled role', 'Edit project details']) {
    await expect(page.getByRole('button', { name })).toHaveAttribute('aria-expanded', 'false')
  }
  await expect(page.getByRole('form', { name: 'Staff a person' })).toBeHidden()
  await expect(page.getByRole('combobox', { name: 'Add a technology' })).toBeHidden()

  // Two technologies: one from the catalogue, one created inline.
  await page.getByRole('button', { name: 'Add to stack' }).click()
  const techPicker = page.getByRole('combobox', { name: 'Add a technology' })
  await expect(techPicker).toBeFocused()
  await techPicker.fill('TypeSc')
  await page.getByRole('option', { name: /TypeScript/ }).click()
  await expect(page.getByRole('list', { name: 'Tech stack' }).getByRole('link', { name: 'TypeScript' })).toBeVisible()
  const newTech = `Zed Tech ${stamp}`
  await techPicker.fill(newTech)
  await page.getByRole('button', { name: `Create “${newTech}”` }).click()
  await expect(page.getByRole('list', { name: 'Tech stack' }).getByRole('link', { name: newTech })).toBeVisible()

  // Staff two people, one tentative; the form opens from the keyboard.
  await page.getByRole('button', { name: 'Staff a person' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Staff a person' })).toHaveAttribute('aria-expanded', 'true')
  const staff = page.getByRole('form', { name: 'Staff a person' })
  await expect(staff.getByRole('combobox', { name: 'Person' })).toBeFocused()
  await staff.getByRole('combobox', { name: 'Person' }).fill(ada.name)
  await page.getByRole('option', { name: new RegExp(ada.name) }).click()
  await staff.getByLabel('Role').fill('Tech Lead')
  await staff.getByLabel('Allocation (%)').fill('30')
  await staff.getByRole('button', { name: 'Staff person' }).click()
  await expect(page.getByRole('status').getByText(`${ada.name} staffed as Tech Lead`)).toBeVisible()
  await staff.getByRole('combobox', { name: 'Person' }).fill(linus.name)
  await page.getByRole('option', { name: new RegExp(linus.name) }).click()
  await staff.getByLabel('Role').fill('Engineer')
  await staff.getByLabel('Allocation (%)').fill('40')
  await staff.getByLabel('Status').selectOption('tentative')
  await staff.getByRole('button', { name: 'Staff person' }).click()
  await expect(page.getByRole('table', { name: 'Current assignments' }).getByRole('link', { name: linus.name })).toBeVisible()

  // Everything nested on the dashboard.
  await page.getByRole('link', { name: clientName }).click()
  const section = page.getByRole('region', { name: 'Checkout Rebuild' })
  await expect(section.getByRole('link', { name: ada.name })).toBeVisible()
  await expect(section.getByRole('row', { name: new RegExp(linus.name) }).getByText('Tentative')).toBeVisible()
  await expect(section.getByRole('link', { name: 'TypeScript' })).toBeVisible()
  await expect(section.getByRole('link', { name: newTech })).toBeVisible()

  // Change Ada's allocation: 50% elsewhere + 80% here warns before saving.
  await section.getByRole('link', { name: 'Checkout Rebuild' }).click()
  await page.getByRole('button', { name: `Change ${ada.name}'s assignment` }).click()
  const dialog = page.getByRole('dialog', { name: `Change ${ada.name}'s assignment` })
  await dialog.getByLabel('Allocation (%)').fill('80')
  await expect(dialog.getByRole('alert')).toContainText(`This puts ${ada.name} above 100%`)
  await expect(dialog.getByRole('alert')).toContainText('→ 130%')
  await expect(dialog.getByRole('alert')).not.toContainText('already above 100%')
  await dialog.getByRole('button', { name: 'Save assignment' }).click()
  await expect(page.getByRole('table', { name: 'Current assignments' }).getByRole('row', { name: new RegExp(ada.name) })).toContainText('80%')

  // Delete the client after confirming; its assignments leave Ada's staffing view.
  await page.getByRole('link', { name: clientName }).click()
  await page.getByRole('button', { name: 'Delete client' }).click()
  const confirm = page.getByRole('dialog', { name: `Delete ${clientName}?` })
  await expect(confirm).toContainText('1 project, 2 assignments, 2 stack entries')
  await confirm.getByRole('button', { name: 'Delete permanently' }).click()
  await expect(page).toHaveURL(/\/clients\?deleted=1$/)
  await expect(page.getByRole('link', { name: clientName })).toHaveCount(0)
  await page.goto(`/employees/${ada.id}`)
  await expect(page.getByRole('heading', { level: 1, name: ada.name })).toBeVisible()
  await expect(page.getByRole('link', { name: clientName })).toHaveCount(0)
  await expect(page.getByRole('link', { name: elsewhere.name }).first()).toBeVisible()
})

test('deleting a project after confirming removes it and its staffing everywhere', async ({ page, request }) => {
  const person = await createPerson(request, `Grace Project ${stamp}`)
  await page.goto('/clients/c00000000002/projects/new')
  await page.getByLabel('Project name').fill(`Short Lived ${stamp}`)
  await page.getByLabel('Start date').fill('2026-12-01')
  await page.getByRole('button', { name: 'Create project' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Short Lived ${stamp}` })).toBeVisible()
  const projectId = page.url().split('/projects/')[1].split('?')[0]
  const staffed = await request.post(`/api/clients/c00000000002/projects/${projectId}/staffing`, {
    data: { employeeId: person.id, role: 'Engineer', allocation: 40, startDate: '2026-12-01', status: 'confirmed' },
  })
  expect(staffed.status()).toBe(201)
  await page.reload()
  await page.getByRole('button', { name: 'Delete project' }).click()
  const confirm = page.getByRole('dialog', { name: `Delete Short Lived ${stamp}?` })
  await expect(confirm).toContainText('1 assignment and 0 stack entries')
  await confirm.getByRole('button', { name: 'Delete permanently' }).click()
  await expect(page).toHaveURL(/\/clients\/c00000000002$/)
  await expect(page.getByRole('link', { name: `Short Lived ${stamp}` })).toHaveCount(0)
  await page.goto(`/employees/${person.id}`)
  await expect(page.getByText('Not staffed on any project.')).toBeVisible()
})
