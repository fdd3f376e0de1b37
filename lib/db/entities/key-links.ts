import { deletingPartition } from '../keys'

// How the entities' keys follow an update (their `updateLink`s), in one place, so that no caller
// builds a key by hand.

// The update's plain values: its parts, and the item's own key attributes (an update always carries them).
type Given<I, P extends keyof I> = { [K in keyof I]: Extract<I[K], string | number> } & { [K in P]-?: Extract<I[K], string | number> }

/**
 * The new value of a key made of attributes an update may carry (`parts`; the item's own key
 * attributes are always there): moved when the update carries every part, left as it is when it
 * carries none, and refused when it carries some, as ElectroDB refuses: the key would be half-moved,
 * built from a new value and a stale one.
 */
export function movedKey<I extends object, P extends keyof I & string>(key: string, input: I, parts: P[], build: (input: Given<I, P>) => string): string | undefined {
  const given = parts.filter((part) => input[part] !== undefined)
  if (given.length === 0) return undefined
  const plain = given.filter((part) => typeof input[part] === 'string' || typeof input[part] === 'number')
  if (plain.length < parts.length) {
    const missing = parts.filter((part) => !plain.includes(part))
    throw new Error(`Cannot move ${key}: it is made of ${parts.join(', ')}, and this update sets ${given.join(', ')} without a value for ${missing.join(', ')}.`)
  }
  // Every part was just checked to be a plain value; key attributes are plain in every update the app makes.
  return build(input as Given<I, P>)
}

/**
 * A list or index partition that the item leaves while it is being deleted (markDeleting sets
 * `deletingAt`): it moves under `DELETING#<partition>`, so every view of that partition drops it at once.
 */
export function unlessDeleting(deletingAt: unknown, partition: string, live: () => string | undefined): string | undefined {
  return deletingAt === undefined ? live() : deletingPartition(partition)
}
