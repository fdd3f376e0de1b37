import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

// The house's layers, measured from the code: which file imports which, where each file stands, and
// how much of lib/ goes round the typed path to the table. `npm run architecture` prints the figures;
// test/architecture.test.ts holds them to the rules of ../docs/architecture (STYLE.md "Layers").

const root = path.resolve(import.meta.dirname, '..')

/**
 * The layers from the top down; a file may import its own layer or any below it. A path matches the
 * first prefix that starts it (a folder ends with '/').
 */
export const layers: { name: string; paths: string[] }[] = [
  { name: 'routes and components', paths: ['app/', 'components/', 'proxy.ts', 'instrumentation.ts', 'job-registry.ts'] },
  { name: 'actions and route adapters', paths: ['lib/actions/', 'lib/http/'] },
  {
    name: 'domains',
    paths: [
      'lib/clients/', 'lib/projects/', 'lib/employees/', 'lib/technologies/', 'lib/staffing/', 'lib/roles/', 'lib/planner/',
      'lib/capacity/', 'lib/finance/', 'lib/utilization/', 'lib/overview/', 'lib/exports/', 'lib/lists/', 'lib/auth/', 'lib/seed/', 'lib/recording.ts', 'lib/query-client.ts',
    ],
  },
  { name: 'upkeep (audit, repair, the daily refresh)', paths: ['lib/upkeep/'] },
  { name: 'edges and their syncs', paths: ['lib/edges/'] },
  { name: 'aggregates and digests', paths: ['lib/aggregates/', 'lib/digests/'] },
  { name: 'consistent reads, jobs, recordings', paths: ['lib/reads.ts', 'lib/jobs/', 'lib/recording-store.ts'] },
  { name: 'shared arithmetic and views', paths: ['lib/load/', 'lib/money/', 'lib/dto.ts'] },
  { name: 'db', paths: ['lib/db/'] },
  { name: 'errors, ids, validation, authorization', paths: ['lib/errors.ts', 'lib/fetch-json.ts', 'lib/ids.ts', 'lib/format.ts', 'lib/text.ts', 'lib/validation.ts', 'lib/authorization.ts', 'lib/action-state.ts'] },
]

const roots = ['app', 'components', 'lib', 'proxy.ts', 'instrumentation.ts', 'job-registry.ts']

export function sourceFiles(): string[] {
  const files: string[] = []
  const visit = (relative: string) => {
    const absolute = path.join(root, relative)
    if (statSync(absolute).isDirectory()) for (const entry of readdirSync(absolute)) visit(path.join(relative, entry))
    else if (/\.tsx?$/.test(relative) && !relative.endsWith('.d.ts')) files.push(relative.split(path.sep).join('/'))
  }
  for (const entry of roots) visit(entry)
  return files.sort()
}

export function layerOf(file: string): number {
  const index = layers.findIndex((layer) => layer.paths.some((prefix) => (prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix)))
  if (index < 0) throw new Error(`${file} stands in no layer: add it to scripts/architecture.ts`)
  return index
}

export interface Import {
  from: string
  to: string
  /** The module specifier as written. */
  specifier: string
}

/** Every import between the project's own files, and every import of a package. */
export function importsOf(files: string[]): { internal: Import[]; external: Import[] } {
  const known = new Set(files)
  const internal: Import[] = []
  const external: Import[] = []
  for (const file of files) {
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true).importedFiles) {
      const base = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : null
      if (base === null) {
        external.push({ from: file, to: specifier, specifier })
        continue
      }
      const to = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((candidate) => known.has(candidate))
      if (to) internal.push({ from: file, to, specifier })
    }
  }
  return { internal, external }
}

/** Imports from a lower layer to a higher one. */
export function importsUpward(imports: Import[]): Import[] {
  return imports.filter(({ from, to }) => layerOf(to) < layerOf(from))
}

/** The room a file stands in: its folder under lib/ (lib/db, lib/edges, …), or the file itself. */
export function roomOf(file: string): string {
  const parts = file.split('/')
  if (parts[0] === 'lib') return parts.length > 2 ? parts.slice(0, 2).join('/') : file
  return parts[0]
}

/** Circles among the given nodes (strongly connected components of more than one node). */
export function circles(edges: [string, string][]): string[][] {
  const next = new Map<string, string[]>()
  for (const [a, b] of edges) if (a !== b) next.set(a, [...(next.get(a) ?? []), b])
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  let counter = 0
  const connect = (node: string) => {
    index.set(node, counter)
    low.set(node, counter++)
    stack.push(node)
    onStack.add(node)
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target)
        low.set(node, Math.min(low.get(node)!, low.get(target)!))
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!))
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const node of next.keys()) if (!index.has(node)) connect(node)
  return found
}

// The SDK's command classes and the document client's: only lib/db builds a raw request.
const rawCommandModules = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']

/** Imports of the SDK's DynamoDB modules from outside lib/db. */
export function rawCommandImports(external: Import[]): Import[] {
  return external.filter(({ from, to }) => rawCommandModules.includes(to) && !from.startsWith('lib/db/'))
}

/** Type assertions (`x as T`, `<T>x`; not `as const`) in a file, with their lines. */
export function typeAssertionsIn(file: string): { line: number; text: string }[] {
  const text = readFileSync(path.join(root, file), 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const found: { line: number; text: string }[] = []
  const visit = (node: ts.Node) => {
    const asserted = ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)
    if (asserted && !(ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === 'const')) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.getText(source).slice(0, 80) })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Type assertions outside lib/db and lib/auth (the two boundaries with untyped libraries), per file. */
export function typeAssertionsOutsideBoundaries(files: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const file of files) {
    if (file.startsWith('lib/db/') || file.startsWith('lib/auth/')) continue
    const count = typeAssertionsIn(file).length
    if (count) counts.set(file, count)
  }
  return counts
}

export function measure() {
  const files = sourceFiles()
  const { internal, external } = importsOf(files)
  const rooms = internal.map(({ from, to }) => [roomOf(from), roomOf(to)] as [string, string]).filter(([a, b]) => a !== b)
  const assertions = typeAssertionsOutsideBoundaries(files)
  return {
    files: files.length,
    imports: internal.length,
    upward: importsUpward(internal),
    fileCircles: circles(internal.map(({ from, to }) => [from, to])),
    roomCircles: circles(rooms),
    rawCommands: rawCommandImports(external),
    assertions,
    assertionCount: [...assertions.values()].reduce((sum, count) => sum + count, 0),
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const figures = measure()
  console.log(`${figures.files} files, ${figures.imports} imports between them`)
  console.log(`imports that run back up the layers: ${figures.upward.length}`)
  for (const { from, to } of figures.upward) console.log(`  ${from} -> ${to}`)
  console.log(`circles of files: ${figures.fileCircles.length}; circles of lib/ folders: ${figures.roomCircles.length}`)
  for (const circle of [...figures.fileCircles, ...figures.roomCircles]) console.log(`  ${circle.join(' <-> ')}`)
  console.log(`raw SDK imports outside lib/db: ${figures.rawCommands.length}`)
  for (const { from, to } of figures.rawCommands) console.log(`  ${from} -> ${to}`)
  console.log(`type assertions outside lib/db and lib/auth: ${figures.assertionCount}`)
  for (const [file, count] of [...figures.assertions].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(3)}  ${file}`)
}
