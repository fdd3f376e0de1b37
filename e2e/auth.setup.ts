import { expect, test as setup } from '@playwright/test'
import { DEMO_PASSWORD, demoAccounts } from '../lib/auth/demo-accounts'

// Signs each demo account in through better-auth's endpoint and stores its cookies for the tests.
const files: Record<string, string> = {
  'manager@roster.example': 'e2e/.auth/manager.json',
  'tim.fischer@roster.example': 'e2e/.auth/employee.json',
  'rafael.wilson@roster.example': 'e2e/.auth/other-employee.json',
  'admin@roster.example': 'e2e/.auth/admin.json',
}

for (const [index, account] of demoAccounts.entries()) {
  setup(`sign in as ${account.role} ${account.email}`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, 'x-forwarded-for': `203.0.113.${index + 1}` } })
    const response = await request.post('/api/auth/sign-in/email', { data: { email: account.email, password: DEMO_PASSWORD } })
    expect(response.status()).toBe(200)
    await request.storageState({ path: files[account.email] })
    await request.dispose()
  })
}
