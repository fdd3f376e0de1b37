import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { employeeActor, manager } from './helpers/actors'
import { keepRecording, recordingFor, RECORDING_TTL_MS } from '../lib/recording-store'
import { AppError } from '../lib/errors'
import type { RequestRecording } from '../lib/db/recorder'

const recording: RequestRecording = {
  accessPattern: 'Client dashboard',
  requests: [{ operation: 'Query', itemCount: 1, hasMorePages: false, startMs: 0, durationMs: 3, items: [{ PK: 'CLIENT#c1', SK: 'CLIENT' }] }],
}

describe('the page recordings the "Under the hood" panel fetches', () => {
  it('are given back, items and all, to the user whose page load made them', () => {
    const id = keepRecording(recording, manager.userId)
    assert.deepEqual(recordingFor(manager, { recordingId: id }), recording)
  })

  it('are not given to anyone else, to nobody signed in, or after they expire', () => {
    const id = keepRecording(recording, manager.userId, 1_000)
    assert.throws(() => recordingFor(employeeActor('e1'), { recordingId: id }, 1_000), (error: AppError) => error.code === 'not_found:recording')
    assert.throws(() => recordingFor(null, { recordingId: id }, 1_000), (error: AppError) => error.code === 'unauthenticated:session')
    assert.throws(() => recordingFor(manager, { recordingId: id }, 1_000 + RECORDING_TTL_MS + 1), (error: AppError) => error.code === 'not_found:recording')
    assert.throws(() => recordingFor(manager, { recordingId: 'no-such-id' }), (error: AppError) => error.code === 'not_found:recording')
  })
})
