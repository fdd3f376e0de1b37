import { createHash, randomBytes } from 'node:crypto'

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'

/** A 12-character random id (60 bits), lowercase and URL-safe. */
export function newId(): string {
  const bytes = randomBytes(12)
  let id = ''
  for (const byte of bytes) id += alphabet[byte % 32]
  return id
}

/** A readable technology id such as `typescript` or `node-js`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/#/g, 'sharp')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
}

/**
 * The id a create with this idempotency key gets: the same key (and kind) always gives the same id, so
 * a retried create meets its own item in the conditional put instead of making a second one.
 */
export function idForKey(kind: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return newId()
  const digest = createHash('sha256').update(`${kind}:${idempotencyKey}`).digest()
  let id = ''
  for (let i = 0; i < 12; i++) id += alphabet[digest[i] % 32]
  return id
}
