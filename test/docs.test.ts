import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'

// docs/data-model.md names the function and file of every access pattern and every write, as
// "`name` in `path`": a newcomer goes from the design to the code in one hop, and this keeps the map true.

const root = path.resolve(import.meta.dirname, '..')
const design = readFileSync(path.join(root, 'docs/data-model.md'), 'utf8')

function namedFunctions(text: string): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = []
  for (const match of text.matchAll(/`(\w+)` in `([\w./[\]-]+\.tsx?)`/g)) found.push({ name: match[1], file: match[2] })
  return found
}

function section(heading: string): string {
  const start = design.indexOf(heading)
  assert.ok(start >= 0, `docs/data-model.md has a "${heading}" section`)
  const next = design.indexOf('\n## ', start + heading.length)
  return design.slice(start, next < 0 ? undefined : next)
}

/** The rows of the first Markdown table under a heading (without its header and rule). */
function tableRows(heading: string): string[] {
  const lines = section(heading).split('\n')
  const first = lines.findIndex((line) => line.startsWith('|'))
  const rows: string[] = []
  for (let i = first + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i])
  return rows
}

test('every function docs/data-model.md names exists in the file it names', () => {
  const named = namedFunctions(design)
  assert.ok(named.length >= 30, `the design names ${named.length} functions`)
  const missing = named.filter(({ name, file }) => {
    const absolute = path.join(root, file)
    if (!existsSync(absolute)) return true
    return !new RegExp(`(function\\*?|const|let|class)\\s+${name}\\b`).test(readFileSync(absolute, 'utf8'))
  })
  assert.deepEqual(missing, [])
})

test('every access pattern and every write in the design names the function that serves it', () => {
  for (const heading of ['## Access patterns: each screen is one request', '## Writes']) {
    const rows = tableRows(heading)
    assert.ok(rows.length >= 6, `${heading} has its table`)
    for (const row of rows) assert.ok(namedFunctions(row).length > 0, `${heading}: no function named in ${row.slice(0, 80)}`)
  }
})
