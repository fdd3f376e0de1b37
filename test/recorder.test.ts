import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { aClient, aProject } from './helpers/fixtures'
import { withRecording } from '../lib/db/recorder'
import { getClientDashboard } from '../lib/clients/queries'
import { getTechnologyPage } from '../lib/technologies/queries'
import { manager } from './helpers/actors'

useTestDatabase()

describe('the request recorder', () => {
  it('records the operation, index, key condition with values, items and consumed capacity of each call', async () => {
    const client = await aClient()
    await aProject(client.id, 'Recorded Project')
    const { recording } = await withRecording(() => getClientDashboard(manager, { clientId: client.id }))
    assert.equal(recording.accessPattern, 'Client dashboard')
    assert.equal(recording.requests.length, 1)
    const [request] = recording.requests
    assert.equal(request.operation, 'Query')
    assert.equal(request.index, undefined)
    assert.match(request.keyCondition ?? '', /=/)
    assert.ok(Object.values(request.values ?? {}).includes(`CLIENT#${client.id}`), 'the key value is recorded')
    assert.equal(request.itemCount, 2)
    assert.deepEqual(request.items.map((item) => item.SK).sort(), ['CLIENT', request.items.find((item) => item._type === 'Project')!.SK].sort())
    assert.ok((request.consumedCapacity?.total ?? 0) > 0, 'consumed capacity is asked for and recorded')
    assert.equal(request.hasMorePages, false)
    assert.ok(request.durationMs >= 0)
  })

  it('keeps concurrent scopes apart: each sees only its own calls', async () => {
    const clients = await Promise.all(Array.from({ length: 6 }, () => aClient()))
    const runs = await Promise.all(
      clients.map((client, i) =>
        withRecording(async () => {
          await getClientDashboard(manager, { clientId: client.id })
          // Half the scopes make a second, different call, interleaved with the others.
          if (i % 2 === 0) await getTechnologyPage(manager, { technologyId: `none-${i}` })
        }),
      ),
    )
    runs.forEach(({ recording }, i) => {
      assert.equal(recording.requests.length, i % 2 === 0 ? 2 : 1)
      assert.ok(Object.values(recording.requests[0].values ?? {}).includes(`CLIENT#${clients[i].id}`))
      if (i % 2 === 0) assert.equal(recording.requests[1].index, 'GSI2')
    })
  })

  it('records nothing outside a scope', async () => {
    const client = await aClient()
    const { recording } = await withRecording(async () => undefined)
    await getClientDashboard(manager, { clientId: client.id })
    assert.equal(recording.requests.length, 0)
  })
})
