'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useEffect, useRef, useState, useTransition } from 'react'

/** Search-as-you-type and filters kept in the URL, so results are shareable and the server renders them. */
export function ListSearch({ label, filters = [] }: { label: string; filters?: { name: string; label: string; options: { value: string; label: string }[]; anyLabel?: string }[] }) {
  const router = useRouter()
  const pathname = usePathname()
  const params = useSearchParams()
  const [query, setQuery] = useState(params.get('q') ?? '')
  const [pending, startTransition] = useTransition()

  function navigate(updates: Record<string, string>) {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(updates)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    next.delete('cursor')
    startTransition(() => router.replace(`${pathname}?${next}`, { scroll: false }))
  }

  // Debounced: the URL (and so the server-rendered list) follows the text a quarter second after typing stops.
  const navigateRef = useRef(navigate)
  navigateRef.current = navigate
  const currentQuery = params.get('q') ?? ''
  useEffect(() => {
    if (query === currentQuery) return
    const timer = setTimeout(() => navigateRef.current({ q: query }), 250)
    return () => clearTimeout(timer)
  }, [query, currentQuery])

  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" role="search">
      <div className="min-w-56 flex-1">
        <label htmlFor="list-search" className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id="list-search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Type the start of a name"
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
      </div>
      {filters.map((filter) => (
        <div key={filter.name}>
          <label htmlFor={`filter-${filter.name}`} className="block text-sm font-medium text-slate-800">
            {filter.label}
          </label>
          <select
            id={`filter-${filter.name}`}
            value={params.get(filter.name) ?? ''}
            onChange={(event) => navigate({ [filter.name]: event.target.value })}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          >
            <option value="">{filter.anyLabel ?? 'All'}</option>
            {filter.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <span aria-live="polite" className="pb-2 text-sm text-slate-500">
        {pending ? 'Searching…' : ''}
      </span>
    </div>
  )
}

export function Pagination({ nextCursor, isFirstPage, params }: { nextCursor: string | null; isFirstPage: boolean; params: Record<string, string | undefined> }) {
  const base = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]) && entry[0] !== 'cursor'))
  const next = new URLSearchParams(base)
  if (nextCursor) next.set('cursor', nextCursor)
  return (
    <nav aria-label="Pagination" className="mt-4 flex justify-between text-sm">
      {isFirstPage ? <span /> : <a href={`?${base}`} className="font-medium text-indigo-700 hover:underline">← First page</a>}
      {nextCursor ? <a href={`?${next}`} className="font-medium text-indigo-700 hover:underline">Next page →</a> : <span className="text-slate-500">End of list</span>}
    </nav>
  )
}

/** Shown when the address held a page link that no longer works (lib/lists/first-page.ts). */
export function RestartedNotice({ restarted }: { restarted: boolean }) {
  if (!restarted) return null
  return (
    <p role="status" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      That page link was out of date or not valid, so this is the first page.
    </p>
  )
}
