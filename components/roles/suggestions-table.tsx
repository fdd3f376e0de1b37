'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { assignUnfilledRoleAction } from '@/lib/actions/roles'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { EmptyState, linkClass } from '@/components/ui/page-header'
import { TableHead } from '@/components/ui/table'
import { formatDate } from '@/lib/format'
import type { Suggestion } from '@/lib/roles/ranking'

type RoleRef = { clientId: string; projectId: string; roleId: string; allocation: number }

/** The ranked candidates with their evidence: levels against the minimums, and free % week by week. */
export function SuggestionsTable({ suggestions, role, canAssign, pageToken }: { suggestions: Suggestion[]; role: RoleRef; canAssign: boolean; pageToken: string }) {
  if (suggestions.length === 0) {
    return <EmptyState title="Nobody to suggest">Nobody has the required technologies at these levels. Lower a minimum level, or staff someone from the project page.</EmptyState>
  }
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Suggested people (scrolls sideways)">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Suggested people, best first</caption>
        <TableHead
          columns={[
            { label: 'Rank', align: 'right' },
            { label: 'Person' },
            { label: 'Skills' },
            { label: 'Free per week' },
            { label: 'Score', align: 'right' },
            ...(canAssign ? [{ label: 'Assign', srOnly: true }] : []),
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {suggestions.map((suggestion, index) => (
            <tr key={suggestion.id} aria-label={`${index + 1}. ${suggestion.name}`}>
              <td className="py-2 pr-4 text-right tabular-nums">{index + 1}</td>
              <td className="py-2 pr-4">
                <Link href={`/employees/${suggestion.id}`} className={linkClass}>{suggestion.name}</Link>
                <div className="text-xs text-slate-600">{[suggestion.title, suggestion.practice].filter(Boolean).join(' · ')}{suggestion.samePractice ? ' (the role’s practice)' : ''}</div>
              </td>
              <td className="py-2 pr-4">
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
              </td>
              <td className="py-2 pr-4">
                <FreeWeeks weeks={suggestion.weeks} allocation={role.allocation} />
                {suggestion.pushedOver ? (
                  <p className="mt-1 text-xs text-amber-900">Would be over-allocated in {suggestion.pushedOver} {suggestion.pushedOver === 1 ? 'week' : 'weeks'}</p>
                ) : null}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums" title={`skill ${suggestion.skill}, availability ${suggestion.availability}`}>
                {Math.round(suggestion.score * 100)}
                <span className="sr-only"> out of 100</span>
              </td>
              {canAssign ? (
                <td className="py-2 text-right">
                  <AssignButton role={role} employeeId={suggestion.id} employeeName={suggestion.name} fillToken={`${pageToken}-${suggestion.id}`} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function FreeWeeks({ weeks, allocation }: { weeks: Suggestion['weeks']; allocation: number }) {
  if (weeks.length === 0) return <span className="text-slate-600">The role has ended</span>
  return (
    <ul className="flex flex-wrap gap-0.5" aria-label="Free capacity per week">
      {weeks.map((week) => (
        <li
          key={week.weekStart}
          aria-label={`Week of ${formatDate(week.weekStart)}: ${week.free}% free`}
          title={`Week of ${formatDate(week.weekStart)}: ${week.free}% free`}
          className={`w-9 rounded px-0.5 text-center text-xs tabular-nums ${week.free >= allocation ? 'bg-emerald-100 text-emerald-900' : week.free > 0 ? 'bg-amber-100 text-amber-900' : 'bg-red-100 text-red-900'}`}
        >
          {week.free}
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
