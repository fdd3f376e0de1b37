import { expect, test, type APIRequestContext } from '@playwright/test'
import fc from 'fast-check'
import { callAction, serverActions } from './server-actions'

// Generated bad input (fast-check) against every route handler, every server action and the pages
// that take ids and list parameters, as the manager (so that input reaches validation): never a 5xx,
// and every 400 names the fields it refuses.

const SEED = 20261126
const odd = ['', ' ', '#', 'a#b', '%', '%zz', '..', '../..', '\u0000', '😀', '2026-02-30', '-1', '1e309', 'NaN', 'null', '<script>', "' OR 1=1", 'x'.repeat(3000)]

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...odd))
const value = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), text, { maxKeys: 2 }),
)
/** An id in a path: odd strings, random text, and well-formed ids that name nothing. */
const pathId = fc.oneof(fc.constantFrom('%', '%zz', 'a%23b', encodeURIComponent('x'.repeat(3000)), '%F0%9F%98%80', 'nope'), text.map(encodeURIComponent), fc.stringMatching(/^[a-z0-9-]{1,20}$/))

function bodyWith(fields: string[]) {
  const record = fc.dictionary(fc.constantFrom(...fields, 'extra', '__proto__'), value, { maxKeys: fields.length + 1 })
  return fc.oneof(
    { weight: 4, arbitrary: record.map((object) => JSON.stringify(object)) },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('{', '[1,2]', 'null', '"x"', '{"a":', '')) },
  )
}

async function expectNoServerError(response: { status(): number; text(): Promise<string> }, label: string) {
  const status = response.status()
  expect(status, label).toBeLessThan(500)
  const body = await response.text()
  expect(body, label).not.toMatch(/\bat .*\.(js|ts):\d+/)
  if (status === 400) {
    const fields = (JSON.parse(body) as { error: { fields?: Record<string, string[]> } }).error.fields ?? {}
    expect(Object.keys(fields).length, `${label}: a 400 names the field (${body.slice(0, 200)})`).toBeGreaterThan(0)
  }
}

const clientFields = ['version', 'name', 'industry', 'contactEmail', 'status', 'idempotencyKey']
const projectFields = ['version', 'name', 'description', 'status', 'startDate', 'endDate', 'budget', 'budgetKind', 'pricing']
const assignmentFields = ['version', 'employeeId', 'role', 'allocation', 'startDate', 'endDate', 'status', 'rateOverride']
const employeeFields = ['version', 'name', 'email', 'title', 'practice', 'location', 'capacityHours', 'costRate']
const rateFields = ['version', 'rates', 'role.0', 'rate.0', 'role.1', 'rate.1']
const technologyFields = ['version', 'name', 'category', 'id']
const listParams = fc.dictionary(fc.constantFrom('q', 'cursor', 'limit', 'status', 'category', 'practice', 'technologyId'), text, { maxKeys: 4 })
const query = (params: Record<string, string>) => new URLSearchParams(params).toString()
const plannerParams = fc.dictionary(
  fc.constantFrom('practice', 'location', 'technologyId', 'minLevel', 'freeAtLeast', 'freeFrom', 'freeWeeks', 'tentative', 'cursor', 'limit', 'zoom', 'from', 'sort'),
  text,
  { maxKeys: 5 },
)

const routes: { name: string; request: fc.Arbitrary<{ method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: string }> }[] = [
  { name: 'GET /api/planner', request: plannerParams.map((p) => ({ method: 'GET' as const, url: `/api/planner?${query(p)}` })) },
  { name: 'GET /api/clients', request: listParams.map((p) => ({ method: 'GET' as const, url: `/api/clients?${query(p)}` })) },
  { name: 'POST /api/clients', request: bodyWith(clientFields).map((body) => ({ method: 'POST' as const, url: '/api/clients', body })) },
  { name: 'GET /api/clients/:id', request: pathId.map((id) => ({ method: 'GET' as const, url: `/api/clients/${id}` })) },
  { name: 'PATCH /api/clients/:id', request: fc.tuple(pathId, bodyWith(clientFields)).map(([id, body]) => ({ method: 'PATCH' as const, url: `/api/clients/${id}`, body })) },
  { name: 'GET /api/clients/:id/projects/:id', request: fc.tuple(pathId, pathId).map(([c, p]) => ({ method: 'GET' as const, url: `/api/clients/${c}/projects/${p}` })) },
  { name: 'PATCH /api/clients/:id/projects/:id', request: fc.tuple(pathId, pathId, bodyWith(projectFields)).map(([c, p, body]) => ({ method: 'PATCH' as const, url: `/api/clients/${c}/projects/${p}`, body })) },
  { name: 'GET staffing', request: fc.tuple(pathId, pathId).map(([c, p]) => ({ method: 'GET' as const, url: `/api/clients/${c}/projects/${p}/staffing` })) },
  { name: 'POST staffing', request: fc.tuple(fc.constantFrom('c00000000001', 'nope'), pathId, bodyWith(assignmentFields)).map(([c, p, body]) => ({ method: 'POST' as const, url: `/api/clients/${c}/projects/${p}/staffing`, body })) },
  { name: 'PATCH assignment', request: fc.tuple(pathId, pathId, pathId, bodyWith(assignmentFields)).map(([c, p, a, body]) => ({ method: 'PATCH' as const, url: `/api/clients/${c}/projects/${p}/staffing/${a}`, body })) },
  { name: 'DELETE assignment', request: fc.tuple(pathId, pathId, pathId).map(([c, p, a]) => ({ method: 'DELETE' as const, url: `/api/clients/${c}/projects/${p}/staffing/${a}` })) },
  { name: 'GET /api/employees', request: listParams.map((p) => ({ method: 'GET' as const, url: `/api/employees?${query(p)}` })) },
  { name: 'POST /api/employees', request: bodyWith(employeeFields).map((body) => ({ method: 'POST' as const, url: '/api/employees', body })) },
  { name: 'GET /api/employees/:id', request: pathId.map((id) => ({ method: 'GET' as const, url: `/api/employees/${id}` })) },
  { name: 'PATCH /api/employees/:id', request: fc.tuple(pathId, bodyWith(employeeFields)).map(([id, body]) => ({ method: 'PATCH' as const, url: `/api/employees/${id}`, body })) },
  { name: 'GET /api/technologies', request: listParams.map((p) => ({ method: 'GET' as const, url: `/api/technologies?${query(p)}` })) },
  { name: 'POST /api/technologies', request: bodyWith(technologyFields).map((body) => ({ method: 'POST' as const, url: '/api/technologies', body })) },
  { name: 'GET /api/technologies/:id', request: pathId.map((id) => ({ method: 'GET' as const, url: `/api/technologies/${id}` })) },
  { name: 'PATCH /api/technologies/:id', request: fc.tuple(pathId, bodyWith(technologyFields)).map(([id, body]) => ({ method: 'PATCH' as const, url: `/api/technologies/${id}`, body })) },
  { name: 'GET /api/exports/staffing', request: fc.dictionary(fc.constantFrom('from', 'to'), text, { maxKeys: 2 }).map((p) => ({ method: 'GET' as const, url: `/api/exports/staffing?${query(p)}` })) },
  { name: 'GET /api/exports/capacity', request: fc.dictionary(fc.constantFrom('practice', 'tentative'), text, { maxKeys: 2 }).map((p) => ({ method: 'GET' as const, url: `/api/exports/capacity?${query(p)}` })) },
  { name: 'PUT /api/rate-card', request: bodyWith(rateFields).map((body) => ({ method: 'PUT' as const, url: '/api/rate-card', body })) },
  { name: 'PUT project rates', request: fc.tuple(fc.constantFrom('c00000000001', 'nope'), pathId, bodyWith(rateFields)).map(([c, p, body]) => ({ method: 'PUT' as const, url: `/api/clients/${c}/projects/${p}/rates`, body })) },
  { name: 'GET /api/utilization', request: fc.dictionary(fc.constantFrom('period', 'from', 'to', 'grain', 'practice', 'tentative'), text, { maxKeys: 4 }).map((p) => ({ method: 'GET' as const, url: `/api/utilization?${query(p)}` })) },
  { name: 'GET /api/exports/utilization', request: fc.dictionary(fc.constantFrom('period', 'from', 'to', 'grain', 'practice', 'tentative'), text, { maxKeys: 4 }).map((p) => ({ method: 'GET' as const, url: `/api/exports/utilization?${query(p)}` })) },
  { name: 'GET /api/jobs/:kind/:id', request: fc.tuple(pathId, pathId).map(([kind, id]) => ({ method: 'GET' as const, url: `/api/jobs/${kind}/${id}` })) },
]

async function send(request: APIRequestContext, call: { method: string; url: string; body?: string }) {
  return request.fetch(call.url, { method: call.method, data: call.body, headers: call.body !== undefined ? { 'content-type': 'application/json' } : {}, maxRedirects: 0 })
}

test('route handlers: generated bad input gets a 4xx naming the field, never a 5xx', async ({ request }) => {
  test.setTimeout(180_000)
  for (const route of routes) {
    await fc.assert(
      fc.asyncProperty(route.request, async (call) => {
        await expectNoServerError(await send(request, call), `${route.name}: ${call.method} ${call.url.slice(0, 120)} ${call.body?.slice(0, 120) ?? ''}`)
      }),
      { numRuns: 30, seed: SEED },
    )
  }
  // Bodies over the limit: 413, whatever the route.
  const big = JSON.stringify({ name: 'x'.repeat(70 * 1024) })
  expect((await send(request, { method: 'POST', url: '/api/clients', body: big })).status()).toBe(413)
  expect((await send(request, { method: 'POST', url: '/api/technologies', body: 'x'.repeat(2 * 1024 * 1024) })).status()).toBe(413)
})

test('server actions: generated argument shapes and bodies get a typed error, never a 5xx', async ({ request }) => {
  test.setTimeout(180_000)
  const actions = serverActions({ clientId: 'c00000000001', projectId: 'nope', employeeId: 'nope', technologyId: 'nope' })
  const fields = [...new Set([...clientFields, ...projectFields, ...assignmentFields, ...employeeFields, ...technologyFields, 'clientId', 'projectId', 'assignmentId', 'technologyId', 'level', 'userId', 'role', 'tokenId', 'expiresInDays', 'roleId', 'email', 'password', 'practice', 'requirements', 'fillToken', ...rateFields])]
  const args = fc.oneof(
    fc.constant([]),
    fc.array(value, { maxLength: 3 }),
    fc.tuple(fc.constant({ status: 'idle' }), fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 })),
    fc.tuple(fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 })),
  )
  for (const action of actions.values()) {
    await fc.assert(
      fc.asyncProperty(args, async (generated) => {
        const outcome = await callAction(request, action, [...generated])
        const label = `${action.name}(${JSON.stringify(generated).slice(0, 200)})`
        expect(outcome.status, label).toBeLessThan(500)
        if (outcome.code?.startsWith('invalid:')) expect(outcome.text, `${label}: names the field`).toMatch(/"fieldErrors":\{"/)
      }),
      { numRuns: 20, seed: SEED },
    )
    // Bodies React could not have sent: a 400 naming the body.
    for (const raw of ['[', 'garbage', '{"a":1}', '[{"name":"$Q1"}]']) {
      const response = await request.post(action.path, { headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8' }, data: raw })
      await expectNoServerError(response, `${action.name} raw ${raw}`)
      expect(response.status()).toBe(400)
    }
  }
})

test('admin actions: generated invites and role changes, sent as the admin, get a typed error naming the field, never a 5xx', async ({ playwright, baseURL }) => {
  test.setTimeout(180_000)
  const admin = await playwright.request.newContext({ baseURL, storageState: 'e2e/.auth/admin.json', extraHTTPHeaders: { origin: baseURL! } })
  const actions = serverActions({})
  const fields = ['email', 'role', 'employeeId', 'password', 'idempotencyKey', 'userId']
  const inviteText = fc.oneof(text, fc.constantFrom('a@b', 'x@roster.example', ' A@B.EXAMPLE ', 'e00000000001', 'admin', 'manager', 'password1', 'x'.repeat(300)))
  const args = fc.oneof(
    fc.array(value, { maxLength: 3 }),
    fc.tuple(fc.constant({ status: 'idle' }), fc.dictionary(fc.constantFrom(...fields), fc.oneof(value, inviteText), { maxKeys: 6 })),
  )
  try {
    for (const name of ['inviteUserAction', 'setUserRoleAction']) {
      const action = actions.get(name)!
      await fc.assert(
        fc.asyncProperty(args, async (generated) => {
          const outcome = await callAction(admin, action, [...generated])
          const label = `${name}(${JSON.stringify(generated).slice(0, 200)})`
          expect(outcome.status, label).toBeLessThan(500)
          expect(outcome.text, label).not.toContain('Something went wrong')
          if (outcome.code?.startsWith('invalid:')) expect(outcome.text, `${label}: names the field`).toMatch(/"fieldErrors":\{"/)
        }),
        { numRuns: 40, seed: SEED },
      )
    }
  } finally {
    await admin.dispose()
  }
})

test('pages: odd ids, cursors and filters give a page or a 404, never a 5xx or a broken page', async ({ request }) => {
  test.setTimeout(180_000)
  const pages = fc.oneof(
    pathId.map((id) => `/clients/${id}`),
    pathId.map((id) => `/employees/${id}`),
    pathId.map((id) => `/technologies/${id}`),
    fc.tuple(pathId, pathId).map(([c, p]) => `/clients/${c}/projects/${p}`),
    listParams.map((p) => `/clients?${query(p)}`),
    listParams.map((p) => `/employees?${query(p)}`),
    listParams.map((p) => `/technologies?${query(p)}`),
    plannerParams.map((p) => `/planner?${query(p)}`),
    fc.dictionary(fc.constantFrom('practice', 'tentative'), text, { maxKeys: 2 }).map((p) => `/capacity?${query(p)}`),
    fc.tuple(pathId, pathId, pathId).map(([c, p, r]) => `/clients/${c}/projects/${p}/roles/${r}`),
  )
  await fc.assert(
    fc.asyncProperty(pages, async (url) => {
      const response = await request.get(url, { maxRedirects: 0 })
      const label = `GET ${url.slice(0, 150)}`
      expect(response.status(), label).toBeLessThan(500)
      if (response.status() === 200) expect(await response.text(), label).not.toContain("couldn't load")
    }),
    { numRuns: 120, seed: SEED },
  )
})
