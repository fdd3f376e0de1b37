'use client'

import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

/**
 * False while the server renders and while the page hydrates, true after. A screen whose grid is
 * built from compact data in the browser renders a placeholder until then, so the page carries its
 * figures once (as data) instead of as markup and data both.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false)
}
