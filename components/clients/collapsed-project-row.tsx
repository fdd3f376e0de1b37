'use client'

import Link from 'next/link'
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { ProjectSection } from './project-section'
import { linkClass } from '@/components/ui/page-header'
import { StatusBadge } from '@/components/ui/badge'
import type { ProjectDetail, ProjectSummary } from '@/lib/dto'
import { getJson } from '@/lib/fetch-json'
import { formatDateRange } from '@/lib/format'

/**
 * A project as one line: a completed one, or a current one beyond the first few a dashboard shows in
 * full. Its staffing and stack load when opened (one request then), so a client with years of
 * history or sixty open projects keeps its dashboard short, quick to render and one request.
 */
export type CollapsedProject = Pick<ProjectSummary, 'id' | 'clientId' | 'name' | 'status' | 'startDate' | 'endDate'>

export function CollapsedProjectRow({ project, people, past, unfilled = 0, showStatus = false, today }: { project: CollapsedProject; people: number; past: number; unfilled?: number; showStatus?: boolean; today: string }) {
  const [open, setOpen] = useState(false)
  const detail = useQuery({
    queryKey: ['project', project.clientId, project.id],
    queryFn: () => getJson<ProjectDetail>(`/api/clients/${project.clientId}/projects/${project.id}`),
    enabled: open,
  })
  const panelId = `completed-${project.id}`
  return (
    <li className="py-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span>
          <Link href={`/clients/${project.clientId}/projects/${project.id}`} className={linkClass}>{project.name}</Link>
          <span className="text-slate-600"> · {[formatDateRange(project.startDate, project.endDate), countsOf(people, past, unfilled)].filter(Boolean).join(' · ')}</span>
          {showStatus ? <> <StatusBadge status={project.status} /></> : null}
        </span>
        <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={panelId} className="text-sm font-medium text-indigo-700 hover:underline">
          {open ? 'Hide' : 'Show'} staffing<span className="sr-only"> of {project.name}</span>
        </button>
      </div>
      {open ? (
        <div id={panelId} className="mt-2" aria-busy={detail.isPending}>
          {detail.data ? <ProjectSection project={detail.data} today={today} /> : detail.isError ? <p role="alert" className="text-sm text-red-700">{detail.error.message}</p> : <p className="text-sm text-slate-600">Loading…</p>}
        </div>
      ) : null}
    </li>
  )
}

/** "2 people currently staffed · 4 past assignments · 1 unfilled role", leaving out what is none. */
function countsOf(people: number, past: number, unfilled: number): string {
  return [
    people ? `${people} ${people === 1 ? 'person' : 'people'} currently staffed` : '',
    past ? `${past} past ${past === 1 ? 'assignment' : 'assignments'}` : '',
    unfilled ? `${unfilled} unfilled ${unfilled === 1 ? 'role' : 'roles'}` : '',
  ]
    .filter(Boolean)
    .join(' · ') || 'nobody staffed'
}
