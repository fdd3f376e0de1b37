// npm run db:seed [-- --scale large|xl] [-- --employees 2000 --clients 300 ...] [-- --seed 7]
// Loads a deterministic demo consultancy into the table named by the environment.
import { parseArgs } from 'node:util'
import { readDbConfig } from '../lib/db/config'
import { openDatabase } from './database'
import { ensureTable } from '../lib/db/table'
import { seedSizes, type SeedSize } from '../lib/seed/demo-data'
import { loadDemoData } from '../lib/seed/load'
import { refreshOverview } from '../lib/upkeep/refresh-overview'
import { untilAvailable } from './until-available'

const countOptions = ['clients', 'projects', 'employees', 'technologies', 'assignments', 'skills'] as const
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    seed: { type: 'string', default: '42' },
    anchor: { type: 'string' },
    ...Object.fromEntries(countOptions.map((name) => [name, { type: 'string' as const }])),
  },
})

const scale = values.scale as string
if (scale !== 'demo' && scale !== 'large' && scale !== 'xl') {
  console.error(`--scale must be demo, large or xl, not "${scale}"`)
  process.exit(2)
}
const size: SeedSize = { ...seedSizes[scale] }
for (const name of countOptions) {
  const raw = (values as Record<string, string | undefined>)[name]
  if (raw === undefined) continue
  const count = Number(raw)
  if (!Number.isInteger(count) || count < 1) {
    console.error(`--${name} must be a positive whole number, not "${raw}"`)
    process.exit(2)
  }
  size[name] = count
}

const { engine } = await openDatabase()
const config = readDbConfig()
await untilAvailable('Opening the table', () => ensureTable())
console.log(`Seeding ${config.tableName} (${scale}): ${countOptions.map((name) => `${size[name]} ${name}`).join(', ')}`)
let lastPercent = -1
// Every step is idempotent (the same items, the digests recomputed), so a busy table only delays it.
const counts = await untilAvailable('Loading demo data', () => loadDemoData(size, {
  seed: Number(values.seed),
  anchor: values.anchor as string | undefined,
  onProgress(written, total) {
    const percent = Math.floor((written / total) * 100)
    if (percent >= lastPercent + 5 || written === total) {
      lastPercent = percent
      console.log(`  ${String(percent).padStart(3)}%  ${written}/${total} items`)
    }
  },
}))
console.log(`Done: ${Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(', ')}`)
console.log('Computing the overview from every person and project…')
const started = Date.now()
await untilAvailable('Computing the overview', () => refreshOverview({ onProgress: (done, total) => console.log(`  ${done}/${total}`) }))
console.log(`Overview ready in ${Math.round((Date.now() - started) / 1000)} s`)
await engine?.close()
