import 'server-only'
import { saveIfUnchanged } from '../db'
import { notFound, staleSave } from '../errors'
import { runAsJob, type JobContext, type JobKind } from '../jobs/runner'

// The one save of an editable item (client, project, employee, technology): conditional on the
// version the user loaded, and, when it changes something other items hold a copy of (a name), run
// as a job that saves and then brings every copy up to date, so a crash midway is finished by the
// job sweep (whose step for that kind runs the same propagation).

/** The job that carries a save and then the work that follows from it. */
export interface FollowUp {
  kind: JobKind
  params?: Record<string, string>
  follow: (context: JobContext) => Promise<void>
}

export interface VersionedSave<Item extends { version: number; deletingAt?: string }, View extends object> {
  /** The item, read consistently. */
  read: () => Promise<Item | null>
  /** The conditional write of the next version (lib/db updateVersion). */
  write: () => Promise<Item>
  toView: (item: Item) => View
  /** Work around the write, given the item as loaded (an employee's e-mail claim). */
  around?: (write: () => Promise<View>, current: Item) => Promise<View>
  /** Given the item as loaded, the job the save runs in, or null for a save on its own. */
  followUp?: (current: Item) => FollowUp | null
}

/**
 * Saves the `subject` with this id if it is unchanged since `version` was loaded (else not-found, or
 * conflict:stale with the current values).
 */
export async function saveVersioned<Item extends { version: number; deletingAt?: string }, View extends object>(
  subject: string,
  id: string,
  version: number,
  save: VersionedSave<Item, View>,
): Promise<View> {
  const current = await save.read()
  if (!current || current.deletingAt) throw notFound(subject, id)
  if (current.version !== version) throw staleSave(subject, save.toView(current))
  const write = () => saveIfUnchanged({ update: async () => save.toView(await save.write()), reread: save.read, subject, id, toView: save.toView })
  const run = () => (save.around ? save.around(write, current) : write())
  const followUp = save.followUp?.(current)
  if (!followUp) return run()
  return runAsJob(followUp.kind, id, followUp.params ?? {}, async (_job, context) => {
    const saved = await run()
    await followUp.follow(context)
    return saved
  })
}
