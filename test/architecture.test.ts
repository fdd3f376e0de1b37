import assert from 'node:assert/strict'
import { test } from 'node:test'
import { measure } from '../scripts/architecture'

// The layers of STYLE.md as a test: arrows point down only (scripts/architecture.ts lists the layers).

const figures = measure()

test('no import runs back up the layers', () => {
  assert.deepEqual(
    figures.upward.map(({ from, to }) => `${from} -> ${to}`),
    [],
  )
})

test('no files and no lib/ folders import each other in a circle', () => {
  assert.deepEqual(figures.fileCircles, [])
  assert.deepEqual(figures.roomCircles, [])
})

test('no module outside lib/db imports the SDK’s DynamoDB modules', () => {
  assert.deepEqual(
    figures.rawCommands.map(({ from, to }) => `${from} -> ${to}`),
    [],
  )
})

test('at most 60 type assertions outside lib/db and lib/auth', () => {
  assert.ok(figures.assertionCount <= 60, `${figures.assertionCount} type assertions: ${JSON.stringify([...figures.assertions])}`)
})
