'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { assignUnfilledRoleAction } from '@/lib/actions/roles'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState, linkClass } from '@/components/ui/page-header'
import { formatDate } from '@/lib/format'
import { fitText, formatWeek } from '@/lib/roles/format'
import type { Suggestion } from '@/lib/roles/ranking'

type RoleRef = { clientId: string; projectId: string; roleId: string; allocation: number }

// One grid for the column headings and every card: at md and up the cards line up as a table's rows;
// on a phone each card stacks (rank, name and Assign on top), so nothing scrolls sideways.
const columns = 'md:grid-cols-[2rem_minmax(11rem,1.2fr)_minmax(10rem,1fr)_minmax(0,2.4fr)_3rem_5.5rem]'

/**
 * The ranked candidates with their evidence: why they rank where they do, levels against the
 * minimums, and free % week by week.
 */
export function SuggestionsList({ suggestions, role, canAssign, pageToken }: { suggestions: Suggestion[]; role: RoleRef; canAssign: boolean; pageToken: string }) {
  if (suggestions.length === 0) {
    return <EmptyState title="Nobody to suggest">Nobody has the required technologies at these levels. Lower a minimum level, or staff someone from the project page.</EmptyState>
  }
  return (
    <div>
      <div aria-hidden="true" className={`hidden gap-x-4 border-b border-slate-200 pb-2 text-xs font-semibold uppercase tracking-wide text-slate-600 md:grid ${columns}`}>
        <span className="text-right">Rank</span>
        <span>Person</span>
        <span>Skills</span>
        <span>Free per week (week commencing)</span>
        <span className="text-right">Score</span>
        <span />
      </div>
      <ol aria-label="Suggested people, best first" className="divide-y divide-slate-100 text-sm">
        {suggestions.map((suggestion, index) => (
          <li key={suggestion.id}>
            <SuggestionCard suggestion={suggestion} rank={index + 1} role={role} canAssign={canAssign} fillToken={`${pageToken}-${suggestion.id}`} />
          </li>
        ))}
      </ol>
    </div>
  )
}

function SuggestionCard({ suggestion, rank, role, canAssign, fillToken }: { suggestion: Suggestion; rank: number; role: RoleRef; canAssign: boolean; fillToken: string }) {
  const headingId = `suggestion-${suggestion.id}`
  const good = suggestion.meetsAll && suggestion.fits
  return (
    <article aria-labelledby={headingId} className={`grid grid-cols-[auto_minmax(0,1fr)_auto] items-start gap-x-3 gap-y-2 py-3 md:gap-x-4 ${columns}`}>
      <span aria-hidden="true" className="pt-0.5 text-right font-semibold tabular-nums text-slate-700">{rank}</span>
      <div className="min-w-0">
        <h3 id={headingId} className="font-medium">
          <span className="sr-only">{rank}. </span>
          <Link href={`/employees/${suggestion.id}`} className={linkClass}>{suggestion.name}</Link>
        </h3>
        <p className="text-xs text-slate-600">{[suggestion.title, suggestion.practice].filter(Boolean).join(' · ')}{suggestion.samePractice ? ' (the role’s practice)' : ''}</p>
        <p className={`mt-1 text-xs font-medium ${good ? 'text-emerald-800' : 'text-amber-900'}`}>{fitText(suggestion)}</p>
      </div>
      <div className="row-start-1 col-start-3 md:order-last md:col-start-auto md:row-start-auto md:text-right">
        {canAssign ? <AssignButton role={role} employeeId={suggestion.id} employeeName={suggestion.name} fillToken={fillToken} /> : null}
      </div>
      <div className="col-span-full md:col-span-1">
        <p className="text-xs font-semibold text-slate-600 md:sr-only">Skills</p>
        {suggestion.levels.length ? (
          <ul className="space-y-0.5">
            {suggestion.levels.map((level) => (
              <li key={level.technologyId}>
                {level.technologyName}: level {level.level || 'none'} <span className="text-slate-600">(needs {level.minLevel}+)</span>{' '}
                {level.meets ? <span className="sr-only">meets it</span> : <Badge tone="amber">below</Badge>}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-600">No technology required</span>
        )}
      </div>
      <div className="col-span-full min-w-0 md:col-span-1">
        <p className="text-xs font-semibold text-slate-600 md:sr-only">Free per week</p>
        <FreeWeeks weeks={suggestion.weeks} allocation={role.allocation} />
        {suggestion.pushedOver ? (
          <p className="mt-1 text-xs text-amber-900">Would be over-allocated in {suggestion.pushedOver} {suggestion.pushedOver === 1 ? 'week' : 'weeks'}</p>
        ) : null}
      </div>
      <p className="col-span-full tabular-nums md:col-span-1 md:text-right" title={`skill ${suggestion.skill}, availability ${suggestion.availability}`}>
        <span className="text-xs font-semibold text-slate-600 md:sr-only">Score </span>
        {Math.round(suggestion.score * 100)}
        <span className="sr-only"> out of 100</span>
      </p>
    </article>
  )
}

function FreeWeeks({ weeks, allocation }: { weeks: Suggestion['weeks']; allocation: number }) {
  if (weeks.length === 0) return <span className="text-slate-600">The role has ended</span>
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Free capacity per week">
      {weeks.map((week) => (
        <li
          key={week.weekStart}
          title={`Week commencing ${formatDate(week.weekStart)}: ${week.free}% free`}
          className={`w-11 rounded px-0.5 text-center text-xs leading-tight tabular-nums ${week.free >= allocation ? 'bg-emerald-100 text-emerald-900' : week.free > 0 ? 'bg-amber-100 text-amber-900' : 'bg-red-100 text-red-900'}`}
        >
          <span aria-hidden="true" className="block text-[0.6875rem]">{formatWeek(week.weekStart)}</span>
          <span aria-hidden="true" className="block font-semibold">{week.free}%</span>
          <span className="sr-only">Week commencing {formatDate(week.weekStart)}: {week.free}% free</span>
        </li>
      ))}
    </ul>
  )
}

function AssignButton({ role, employeeId, employeeName, fillToken }: { role: RoleRef; employeeId: string; employeeName: string; fillToken: string }) {
  const [state, formAction, pending] = useActionState(assignUnfilledRoleAction, { status: 'idle' })
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="clientId" value={role.clientId} />
      <input type="hidden" name="projectId" value={role.projectId} />
      <input type="hidden" name="roleId" value={role.roleId} />
      <input type="hidden" name="employeeId" value={employeeId} />
      <input type="hidden" name="fillToken" value={fillToken} />
      <Button type="submit" disabled={pending} aria-label={`Assign ${employeeName}`}>{pending ? 'Assigning…' : 'Assign'}</Button>
      {state.status === 'error' ? <p role="alert" className="max-w-xs text-left text-sm text-red-800">{state.message}</p> : null}
    </form>
  )
}
