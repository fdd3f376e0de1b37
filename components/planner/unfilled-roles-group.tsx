'use client'

import Link from 'next/link'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Badge } from '@/components/ui/badge'
import { linkClass } from '@/components/ui/page-header'
import { capacityOptions } from '@/lib/capacity/query-options'
import type { PlannerColumn } from '@/lib/planner/grid'
import { periodLoad } from '@/lib/load/allocation'
import { formatDateRange } from '@/lib/format'

/**
 * The planner's "Unfilled roles" group per practice: each role's demand in the shown columns, in the
 * same units as a person's cells (percent of a week), so a free person and the role they could fill
 * line up. Read from the capacity digests (the first 12 roles of each practice, by start) when it is
 * opened, as a person's bars are, so the planner's page itself stays one request.
 */
export function UnfilledRolesGroup({ practiceKeys, columns }: { practiceKeys: string[]; columns: PlannerColumn[] }) {
  const [open, setOpen] = useState(false)
  const capacity = useQuery({ ...capacityOptions(), enabled: open })
  if (practiceKeys.length === 0) return null
  const groups = (capacity.data?.practices ?? [])
    .filter((entry) => practiceKeys.includes(entry.key) && capacity.data?.roles[entry.key]?.count)
    .map((entry) => ({ practice: entry.name, count: capacity.data!.roles[entry.key].count, roles: capacity.data!.roles[entry.key].first }))
  return (
    <section aria-labelledby="planner-unfilled-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="planner-unfilled-heading" className="text-lg font-semibold">Unfilled roles</h2>
        <button type="button" aria-expanded={open} aria-controls="planner-unfilled-roles" onClick={() => setOpen(!open)} className="text-sm font-medium text-indigo-700 hover:underline">
          {open ? 'Hide unfilled roles' : 'Show unfilled roles'}
        </button>
      </div>
      <div id="planner-unfilled-roles" hidden={!open}>
        <p className="mb-2 text-sm text-slate-600">Demand nobody fills yet, in the practices on this page: the role’s allocation in each column. Open one to see who could fill it.</p>
        {capacity.isPending && open ? <p role="status" className="text-sm text-slate-600">Loading unfilled roles…</p> : null}
        {capacity.isError ? <p role="alert" className="text-sm text-red-800">The unfilled roles could not be loaded. Close and open again to retry.</p> : null}
        {capacity.data && groups.length === 0 ? <p className="text-sm text-slate-600">No unfilled roles in these practices.</p> : null}
        {groups.length ? (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Unfilled roles by practice (scrolls sideways)">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Unfilled roles by practice, per column</caption>
              <thead>
                <tr className="border-b border-slate-200 text-slate-600">
                  <th scope="col" className="py-1.5 pr-4 font-medium">Role</th>
                  {columns.map((column) => (
                    <th key={column.start} scope="col" className="px-1 py-1.5 text-center text-xs font-medium whitespace-nowrap">
                      <span aria-hidden>{column.label}</span>
                      <span className="sr-only">{column.longLabel}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              {groups.map((group) => (
                <tbody key={group.practice} className="divide-y divide-slate-100">
                  <tr className="bg-slate-50">
                    <th scope="rowgroup" colSpan={columns.length + 1} className="py-1.5 pr-4 text-left font-semibold">
                      {group.practice}: {group.count} unfilled {group.count === 1 ? 'role' : 'roles'}
                      {group.count > group.roles.length ? <span className="font-normal text-slate-600"> (the {group.roles.length} starting first)</span> : null}
                    </th>
                  </tr>
                  {group.roles.map((role) => (
                    <tr key={role.id}>
                      <th scope="row" className="py-1.5 pr-4 text-left font-normal">
                        <Badge tone="red">Unfilled</Badge>{' '}
                        <Link href={`/clients/${role.c}/projects/${role.j}/roles/${role.id}`} className={linkClass}>{role.r}</Link>
                        <div className="text-xs text-slate-600">{role.cn} · {role.pn} · {formatDateRange(role.s, role.e)}{role.t ? ' · tentative' : ''}</div>
                      </th>
                      {columns.map((column) => {
                        const load = periodLoad([{ start: role.s, end: role.e, allocation: role.a, tentative: Boolean(role.t) }], column.start, column.end).total
                        return (
                          <td key={column.start} className={`px-1 py-1.5 text-center text-xs tabular-nums ${load ? 'bg-red-50 text-red-900' : 'text-slate-400'}`}>
                            {load ? `${load}%` : <span aria-label="none">–</span>}
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
        ) : null}
      </div>
    </section>
  )
}
