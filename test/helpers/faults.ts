import { getDb } from '../../lib/db/client'

// Simulates the app process dying in the middle of multi-item work: after `writes` more write
// requests, every DynamoDB call fails until `recover()`, so nothing after that point (including the
// job's own bookkeeping) reaches the table, as if the process had been killed there.

const writeCommands = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand'])

export interface Crash {
  /** Arms a crash after this many further writes (undefined disarms). */
  after(writes: number | undefined): void
  /** The process is gone from now on: every call fails. */
  now(): void
  crashed(): boolean
  recover(): void
  uninstall(): void
}

export function installCrashes(): Crash {
  const { client } = getDb()
  let remaining: number | undefined
  let dead = false
  const middleware = (next: (args: { input: unknown }) => Promise<{ output: unknown }>, context: { commandName?: string }) => async (args: { input: unknown }) => {
    if (dead) throw Object.assign(new Error('simulated crash: the process is gone'), { name: 'SimulatedCrash' })
    if (remaining !== undefined && writeCommands.has(context.commandName ?? '')) {
      if (remaining === 0) {
        dead = true
        throw Object.assign(new Error('simulated crash: the process is gone'), { name: 'SimulatedCrash' })
      }
      remaining--
    }
    return next(args)
  }
  client.middlewareStack.add(middleware as never, { step: 'build', name: 'testCrash', priority: 'high' })
  return {
    after(writes) {
      remaining = writes
      dead = false
    },
    now() {
      dead = true
    },
    crashed: () => dead,
    recover() {
      remaining = undefined
      dead = false
    },
    uninstall: () => void client.middlewareStack.remove('testCrash'),
  }
}
