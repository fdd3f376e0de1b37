'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useTransition } from 'react'

/**
 * A switch kept in the address, so a view can be reloaded and shared: pressing it adds `param=value`
 * to the address or takes it away (and any `cursor`, since a list's pages change with it). `on` is
 * what the switch shows: for a switch that is on by default, the parameter turns it off.
 */
export function AddressSwitch({ on, label, param, value }: { on: boolean; label: string; param: string; value: string }) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [pending, startTransition] = useTransition()
  function toggle() {
    const next = new URLSearchParams(params)
    if (next.get(param) === value) next.delete(param)
    else next.set(param, value)
    next.delete('cursor')
    const query = next.toString()
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }))
  }
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-busy={pending || undefined}
      onClick={toggle}
      disabled={pending}
      className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
    >
      <span aria-hidden className={`inline-block h-4 w-7 rounded-full p-0.5 transition ${on ? 'bg-indigo-700' : 'bg-slate-300'}`}>
        <span className={`block h-3 w-3 rounded-full bg-white transition ${on ? 'translate-x-3' : ''}`} />
      </span>
      {label}
    </button>
  )
}
