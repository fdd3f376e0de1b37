'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useTransition } from 'react'

/** One switch: count tentative bookings in every figure on the planner, or leave them out. */
export function TentativeToggle({ on }: { on: boolean }) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [pending, startTransition] = useTransition()
  function toggle() {
    const next = new URLSearchParams(params)
    if (on) next.set('tentative', 'ignore')
    else next.delete('tentative')
    next.delete('cursor')
    startTransition(() => router.replace(`${pathname}?${next}`, { scroll: false }))
  }
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      onClick={toggle}
      disabled={pending}
      className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
    >
      <span aria-hidden className={`inline-block h-4 w-7 rounded-full p-0.5 transition ${on ? 'bg-indigo-700' : 'bg-slate-300'}`}>
        <span className={`block h-3 w-3 rounded-full bg-white transition ${on ? 'translate-x-3' : ''}`} />
      </span>
      Count tentative work
    </button>
  )
}
