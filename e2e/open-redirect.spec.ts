import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '../lib/auth/demo-accounts'
import { openRedirectCorpus } from '../test/open-redirect-corpus'

// The open-redirect corpus (test/open-redirect-corpus.ts) as ?next= of the sign-in page, in real
// Chromium: the server's redirect for a signed-in visitor, and the form's after a password sign-in.
// Any request the browser makes to another origin fails the test.

function watchOffSite(page: Page, origin: string): string[] {
  const offSite: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) offSite.push(url)
  })
  return offSite
}

test(`a signed-in browser sent to /sign-in?next=… with each of the ${openRedirectCorpus.length} payloads stays on Roster`, async ({ page, baseURL }) => {
  test.setTimeout(240_000)
  const origin = new URL(baseURL!).origin
  const offSite = watchOffSite(page, origin)
  for (const payload of openRedirectCorpus) {
    const response = await page.goto(`/sign-in?next=${encodeURIComponent(payload)}`)
    expect(response?.status() ?? 0, JSON.stringify(payload)).toBeLessThan(500)
    expect(new URL(page.url()).origin, JSON.stringify(payload)).toBe(origin)
  }
  expect(offSite).toEqual([])
})

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } })

  test('after a password sign-in, the form’s return address stays on Roster for the payloads a browser strips or rewrites', async ({ page, baseURL }) => {
    test.setTimeout(120_000)
    const origin = new URL(baseURL!).origin
    const offSite = watchOffSite(page, origin)
    const payloads = ['/\t/evil.example/', '/%09/evil.example/', '/\\evil.example', '//evil.example', '/%0a/evil.example', 'https://evil.example', 'javascript:alert(1)']
    for (const [index, payload] of payloads.entries()) {
      await page.context().clearCookies()
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${100 + index}` })
      await page.goto(`/sign-in?next=${encodeURIComponent(payload)}`)
      await page.getByLabel('E-mail', { exact: true }).fill('manager@roster.example')
      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
      expect(new URL(page.url()).origin, JSON.stringify(payload)).toBe(origin)
      expect(new URL(page.url()).pathname, JSON.stringify(payload)).toBe('/')
    }
    expect(offSite).toEqual([])
  })
})
