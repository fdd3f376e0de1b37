import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { stamp } from './helpers'

// Cross-site request forgery, framing and the security headers, tried as an attacker would: from a
// page on another origin in real Chromium, with the manager signed in.

// Another origin on loopback (so that Chromium's private-network rules do not block it first): the
// same port at attacker.test, which the browser resolves to 127.0.0.1 (playwright.config.ts) and whose
// pages the test serves itself. Not 127.0.0.1 itself: the demo signs in there too (lib/auth/origins.ts).
const attackerOrigin = (baseURL: string) => baseURL.replace('localhost', 'attacker.test')

async function technologyNamed(request: import('@playwright/test').APIRequestContext, name: string) {
  const response = await request.get(`/api/technologies?q=${encodeURIComponent(name)}`)
  expect(response.status()).toBe(200)
  return ((await response.json()) as { items: unknown[] }).items
}

test('a plain HTML form on another site cannot create anything with the signed-in manager’s cookies', async ({ page, request, baseURL }) => {
  const name = `Forged form ${stamp()}`
  const ATTACKER = attackerOrigin(baseURL!)
  await page.route(`${ATTACKER}/attacker/**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form id="f" method="post" action="${baseURL}/api/technologies" enctype="text/plain"><input name='{"name":"${name}","category":"tool","x":"' value='"}'></form><script>document.getElementById('f').submit()</script>`,
    }),
  )
  const answer = page.waitForResponse((response) => response.url() === `${baseURL}/api/technologies`)
  await page.goto(`${ATTACKER}/attacker/form`)
  expect((await answer).status()).toBeGreaterThanOrEqual(400)
  expect(await technologyNamed(request, name)).toHaveLength(0)
})

test('a no-cors fetch from another site cannot create anything with the signed-in manager’s cookies', async ({ page, request, baseURL }) => {
  const name = `Forged fetch ${stamp()}`
  const ATTACKER = attackerOrigin(baseURL!)
  await page.route(`${ATTACKER}/attacker/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<p>hello</p>' }))
  await page.goto(`${ATTACKER}/attacker/fetch`)
  const outcome = await page.evaluate(
    ([url, body]) =>
      fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body }).then(
        (response) => `answered (${response.type})`,
        (error) => `failed: ${String(error)}`,
      ),
    [`${baseURL}/api/technologies`, JSON.stringify({ name, category: 'tool' })],
  )
  expect(outcome).toBeTruthy()
  expect(await technologyNamed(request, name)).toHaveLength(0)
})

test('mutating routes refuse a foreign Origin, a missing Origin and a text/plain body, each with a reason', async ({ baseURL, request }) => {
  const name = `CSRF ${stamp()}`
  // The manager's session cookies, sent by node's fetch with exactly the headers written here.
  const { cookies } = JSON.parse(readFileSync('e2e/.auth/manager.json', 'utf8')) as { cookies: { name: string; value: string }[] }
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  const body = JSON.stringify({ name, category: 'tool' })
  const post = (path: string, headers: Record<string, string>) => fetch(`${baseURL}${path}`, { method: 'POST', body, headers: { cookie, ...headers } })
  const foreign = await post('/api/technologies', { origin: 'https://evil.example', 'content-type': 'application/json' })
  expect(foreign.status).toBe(403)
  expect((await foreign.json()).error.code).toBe('forbidden:cross_site')
  const noOrigin = await post('/api/technologies', { 'content-type': 'application/json' })
  expect(noOrigin.status).toBe(403)
  const plain = await post('/api/technologies', { origin: baseURL!, 'content-type': 'text/plain' })
  expect(plain.status).toBe(415)
  expect((await plain.json()).error.fields.body).toBeTruthy()
  const action = await post('/clients', { origin: 'https://evil.example', 'next-action': '00'.repeat(21), 'content-type': 'text/plain' })
  expect(action.status).toBe(403)
  // The same cookies and a same-origin JSON body do work: the refusals above were for the reasons given.
  const sameOrigin = await post('/api/technologies', { origin: baseURL!, 'content-type': 'application/json' })
  expect(sameOrigin.status).toBe(201)
  expect(await technologyNamed(request, name)).toHaveLength(1)
})

test('every response carries the security headers, and pages a strict nonce CSP', async ({ request, baseURL }) => {
  const page = await request.get('/')
  const csp = page.headers()['content-security-policy']
  const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src'))!
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/)
  expect(scriptSrc).not.toContain("'unsafe-inline'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("object-src 'none'")
  const html = await page.text()
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]
  // Every script Next renders carries this response's nonce.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0])
  expect(scripts.length).toBeGreaterThan(0)
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`)
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0]
  // The icon is public: a browser with no session gets it (node's fetch sends no cookie).
  const anonymousIcon = await fetch(`${baseURL}/icon.svg`, { redirect: 'manual' })
  expect(anonymousIcon.status).toBe(200)
  expect(anonymousIcon.headers.get('x-content-type-options')).toBe('nosniff')
  const icon = await request.get('/icon.svg')
  for (const response of [page, await request.get('/api/clients'), await request.get('/sign-in'), await request.get(asset), await request.get('/api/health'), icon]) {
    const headers = response.headers()
    expect(headers['x-content-type-options'], response.url()).toBe('nosniff')
    expect(headers['x-frame-options'], response.url()).toBe('DENY')
    expect(headers['referrer-policy'], response.url()).toBe('same-origin')
    expect(headers['permissions-policy'], response.url()).toContain('camera=()')
  }
})

test('Roster will not render inside another site’s frame, so its dialogs cannot be clickjacked', async ({ page, baseURL }) => {
  const ATTACKER = attackerOrigin(baseURL!)
  await page.route(`${ATTACKER}/attacker/**`, (route) => route.fulfill({ contentType: 'text/html', body: `<iframe id="victim" src="${baseURL}/clients/c00000000001" width="800" height="600"></iframe>` }))
  await page.goto(`${ATTACKER}/attacker/frame`, { waitUntil: 'load' })
  const child = page.frames().find((frame) => frame !== page.mainFrame())
  // Chromium refuses to show the framed page (frame-ancestors 'none', X-Frame-Options: DENY).
  const text = child ? await child.evaluate(() => document.body?.innerText ?? '').catch(() => '') : ''
  expect(text).not.toContain('Projects')
  expect(text).not.toContain('Delete client')
})

test('the page runs under its CSP with no violations', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.goto('/clients/c00000000001')
  await page.getByRole('button', { name: /delete client/i }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  expect(violations).toEqual([])
})
