import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { useTestDatabase } from './helpers/database'
import { aTechnology, anEmployee } from './helpers/fixtures'
import { installCrashes } from './helpers/faults'
import { getDb } from '../lib/db/client'
import { auditDerivedData } from '../lib/upkeep/audit'
import { setSkill } from '../lib/employees/mutations'
import { AppError } from '../lib/errors'
import { listAllJobs, runAsJob } from '../lib/jobs/runner'
import { startJobSweeper, stopJobSweeper, sweepJobs } from '../job-registry'
import { getTechnologyPage } from '../lib/technologies/queries'
import { manager } from './helpers/actors'

useTestDatabase()

const quiet = { log: () => undefined }

/** A skill whose technology no longer counts it, and a job left with an expired lease to fix it. */
async function brokenSkillWithLeftJob() {
  const person = await anEmployee()
  const technology = await aTechnology()
  await setSkill(manager, { employeeId: person.id, technologyId: technology.id, level: 3 })
  const { documentClient, config } = getDb()
  await documentClient.send(
    new UpdateCommand({ TableName: config.tableName, Key: { PK: `TECH#${technology.id}`, SK: 'TECH' }, UpdateExpression: 'REMOVE people.#e SET peopleCount = :zero', ExpressionAttributeNames: { '#e': person.id }, ExpressionAttributeValues: { ':zero': 0 } }),
  )
  // The job a crashed request would have left: its lease ran out long ago.
  await assert.rejects(
    runAsJob('sync-skill', `${person.id}#${technology.id}`, { employeeId: person.id, technologyId: technology.id }, async () => {
      throw new Error('the process died here')
    }),
    /the process died here/,
  )
  return { person, technology }
}

describe('jobs', () => {
  it('the periodic sweep finishes work a crash left, without a restart', async () => {
    const { technology } = await brokenSkillWithLeftJob()
    assert.equal((await listAllJobs()).length, 1)
    assert.equal((await getTechnologyPage(manager, { technologyId: technology.id }))!.technology!.peopleCount, 0)
    // Backoff after the failure is 2 s; the sweep runs every 100 ms here.
    startJobSweeper(100)
    try {
      for (let waited = 0; (await listAllJobs()).length > 0 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      stopJobSweeper()
    }
    assert.deepEqual(await listAllJobs(), [])
    assert.equal((await getTechnologyPage(manager, { technologyId: technology.id }))!.technology!.peopleCount, 1)
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('a failed job backs off and is retried; a failing sweep is logged and never throws', async () => {
    await brokenSkillWithLeftJob()
    const [job] = await listAllJobs()
    assert.equal(job.attempts, 1)
    assert.equal(job.lastError, 'the process died here')
    assert.ok(job.nextRunAt > Date.now(), 'it waits out its backoff')
    assert.deepEqual(await sweepJobs(quiet), { resumed: 0, failed: 0 }, 'not due yet')

    const messages: string[] = []
    const crash = installCrashes()
    try {
      crash.now()
      assert.deepEqual(await sweepJobs({ now: Date.now() + 60_000, log: (message) => messages.push(message) }), { resumed: 0, failed: 0 })
      // The job is claimed, then its step's first write fails.
      crash.after(1)
      assert.deepEqual(await sweepJobs({ now: Date.now() + 60_000, log: (message) => messages.push(message) }), { resumed: 0, failed: 1 })
    } finally {
      crash.recover()
      crash.uninstall()
    }
    assert.ok(messages.some((message) => /could not list jobs/.test(message)), messages.join('\n'))
    assert.ok(messages.some((message) => /failed \(attempt 2\), will retry/.test(message)), messages.join('\n'))
    // Its lease (taken by the run that died) has to run out before another run takes it over.
    assert.deepEqual(await sweepJobs({ ...quiet, now: Date.now() + 3_600_000 }), { resumed: 1, failed: 0 })
    assert.deepEqual(await listAllJobs(), [])
    assert.deepEqual((await auditDerivedData()).problems, [])
  })

  it('a job another instance holds is neither run by the sweep nor by a second request', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const running = runAsJob('rename-client', 'held-client', {}, () => held)
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.deepEqual(await sweepJobs(quiet), { resumed: 0, failed: 0 })
    await assert.rejects(runAsJob('rename-client', 'held-client', {}, async () => undefined), (error: AppError) => error.code === 'conflict:busy' && error.status === 409)
    release()
    await running
    assert.deepEqual(await listAllJobs(), [])
  })
})
