'use client'

import { useIdempotencyKey } from './use-idempotency-key'

/**
 * The hidden fields that say what a form saves: an existing record (its id, and the version the user
 * loaded, or after a stale save the version now stored) or a new one (an idempotency key, so a double
 * submit creates one).
 */
export function SaveTarget({ idName, record, current }: { idName: string; record?: { id: string; version: number }; current?: Record<string, unknown> }) {
  const [idempotencyKey] = useIdempotencyKey()
  if (!record) return <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
  return (
    <>
      <input type="hidden" name={idName} value={record.id} />
      <input type="hidden" name="version" value={String(current?.version ?? record.version)} />
    </>
  )
}
