'use client'

import { useCallback, useState } from 'react'

/**
 * A key for one create: sent with the form, it makes a double submit or a retried request create one
 * item. `renew` gives the next create a key of its own.
 */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(newKey)
  const renew = useCallback(() => setKey(newKey()), [])
  return [key, renew]
}

// getRandomValues works on plain-http hosts too, where crypto.randomUUID does not exist.
function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
