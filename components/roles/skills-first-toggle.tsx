'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useTransition } from 'react'

/** One switch: rank the suggestions skills first (`?order=skills`), or who can do it and has the time first. */
export function SkillsFirstToggle({ on }: { on: boolean }) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [pending, startTransition] = useTransition()
  function toggle() {
    const next = new URLSearchParams(params)
    if (on) next.delete('order')
    else next.set('order', 'skills')
    const query = next.toString()
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }))
  }
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-busy={pending}
      onClick={toggle}
      disabled={pending}
      className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
    >
      <span aria-hidden className={`inline-block h-4 w-7 rounded-full p-0.5 transition ${on ? 'bg-indigo-700' : 'bg-slate-300'}`}>
        <span className={`block h-3 w-3 rounded-full bg-white transition ${on ? 'translate-x-3' : ''}`} />
      </span>
      Skills first
    </button>
  )
}
