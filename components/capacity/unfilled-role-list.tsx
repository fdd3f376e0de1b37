'use client'

import Link from 'next/link'
import { useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { linkClass } from '@/components/ui/page-header'
import type { RoleListing } from '@/lib/digests/capacity-figures'
import { formatDateRange } from '@/lib/format'

/** How many of a practice's roles show before "Show all". */
const SHOWN_FIRST = 5

/**
 * Each practice's first unfilled roles on /capacity. A client component fed the digests' compact role
 * entries: at 20,000 people every practice has a dozen, and the page sends them once as data rather
 * than as markup and a rendered tree both.
 */
export function UnfilledRoleList({ practices, practiceName }: { practices: { key: string; name: string; count: number; first: RoleListing[] }[]; practiceName?: string }) {
  if (practices.length === 0) return <p className="text-sm text-slate-600">No unfilled roles{practiceName ? ` in ${practiceName}` : ''}.</p>
  return practices.map((practice) => <PracticeRoles key={practice.key} practice={practice} />)
}

function PracticeRoles({ practice }: { practice: { key: string; name: string; count: number; first: RoleListing[] } }) {
  const [all, setAll] = useState(false)
  const shown = all ? practice.first : practice.first.slice(0, SHOWN_FIRST)
  const listId = `roles-${practice.key}`
  return (
    <div className="mb-4">
      <h3 className="font-medium">{practice.name} <span className="text-sm font-normal text-slate-600">({practice.count})</span></h3>
      <ul id={listId} className="mt-1 space-y-1 text-sm">
        {shown.map((role) => (
          <li key={role.id} className="flex flex-wrap items-center gap-2">
            <Badge tone="red">Unfilled</Badge>
            <Link href={`/clients/${role.c}/projects/${role.j}/roles/${role.id}`} className={linkClass}>{role.r}</Link>
            <span className="text-slate-700">{role.cn} · {role.pn} · {role.a}% · {formatDateRange(role.s, role.e)}</span>
            {role.t ? <Badge tone="amber">Tentative</Badge> : null}
          </li>
        ))}
      </ul>
      <p className="mt-1 flex flex-wrap items-center gap-3 text-xs text-slate-600">
        {practice.count > shown.length ? <span>The {shown.length} starting first of {practice.count}.</span> : null}
        {practice.first.length > SHOWN_FIRST ? (
          <button type="button" aria-expanded={all} aria-controls={listId} onClick={() => setAll(!all)} className="font-medium text-indigo-700 hover:underline">
            {all ? 'Show fewer' : `Show the first ${practice.first.length}`}<span className="sr-only"> unfilled roles in {practice.name}</span>
          </button>
        ) : null}
      </p>
    </div>
  )
}
