import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { safeReturnTo } from '../lib/auth/return-to'
import { openRedirectCorpus, ownPaths } from './open-redirect-corpus'

const ORIGIN = 'https://roster.example'

describe('the return address after sign-in', () => {
  it(`sends every one of the ${openRedirectCorpus.length} known open-redirect payloads to a path on Roster's own origin`, () => {
    for (const payload of openRedirectCorpus) {
      const target = safeReturnTo(payload)
      const landed = new URL(target, ORIGIN)
      assert.equal(landed.origin, ORIGIN, `${JSON.stringify(payload)} -> ${JSON.stringify(target)}`)
      assert.ok(target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\'), `${JSON.stringify(payload)} -> ${JSON.stringify(target)}`)
      // Nothing a Location header cannot carry, nor anything a browser would strip.
      assert.doesNotMatch(target, /[\u0000-\u0020\u007f\\]/, `${JSON.stringify(payload)} -> ${JSON.stringify(target)}`)
    }
  })

  it('keeps Roster’s own paths, queries and fragments as they are', () => {
    for (const path of ownPaths) assert.equal(safeReturnTo(path), path)
  })

  it('falls back to / for nothing, for relative paths and for anything over 500 characters', () => {
    for (const value of [undefined, null, '', 'clients', './clients', `/${'x'.repeat(500)}`]) assert.equal(safeReturnTo(value), '/')
  })
})
