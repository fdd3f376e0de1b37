'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import Link from 'next/link'
import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { employeeKeys, employeeStaffingOptions } from '@/lib/employees/query-options'
import type { EmployeeStaffing } from '@/lib/employees/queries'
import { formatDate, formatDateRange } from '@/lib/format'
import { sendJson } from '@/lib/fetch-json'
import type { AssignmentView } from '@/lib/dto'
import { moveDates, type DateRange, type DragEdge } from '@/lib/planner/drag'
import type { PlannerColumn, PlannerRow } from '@/lib/planner/grid'

const DAY = 86_400_000
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY

type Placement = { left: string; width: string } | null

/**
 * A person's assignments and time off as bars across the shown period, lined up with the grid's
 * columns (read when the row opens: one request, the person's own view). A manager changes an
 * assignment's dates by dragging its bar (or its ends) or with the keyboard; the save is the
 * assignment's versioned change, so a drag over someone else's newer change is refused with theirs.
 */
export function PersonBars({
  person,
  columns,
  nameColumn,
  canChange,
  onChanged,
}: {
  person: PlannerRow
  columns: PlannerColumn[]
  nameColumn: string
  canChange: boolean
  onChanged: () => void
}) {
  const staffing = useQuery(employeeStaffingOptions(person.id))
  const [announcement, setAnnouncement] = useState('')
  const helpId = useId()
  const first = dayOf(columns[0].start)
  const span = dayOf(columns[columns.length - 1].end) - first + 1
  const place = (start: string, end: string | null): Placement => {
    const from = Math.max(dayOf(start), first)
    const to = Math.min(end ? dayOf(end) : Infinity, first + span - 1)
    return to < from ? null : { left: `${((from - first) / span) * 100}%`, width: `${((to - from + 1) / span) * 100}%` }
  }
  if (staffing.isPending) return <p className="px-3 text-sm text-slate-600">Loading {person.name}’s assignments…</p>
  if (staffing.isError) return <p role="alert" className="px-3 text-sm text-red-700">Could not load {person.name}’s assignments: {staffing.error.message}</p>
  const assignments = staffing.data.assignments.filter((assignment) => place(assignment.startDate, assignment.endDate))
  const timeOff = person.timeOff.flatMap((entry) => {
    const position = place(entry.start, entry.end)
    return position ? [{ entry, position }] : []
  })
  // A keyboard step is a day when the columns are weeks, a week when they are months.
  const step = span > 120 ? 7 : 1
  return (
    <div>
      <p className="mb-1 px-3 text-xs text-slate-600">
        <Link href={`/employees/${person.id}`} className="font-medium text-indigo-700 hover:underline">
          {person.name}’s staffing
        </Link>
        {canChange ? ' · drag a bar or its ends to change its dates, or focus it and use the arrow keys (Shift: the end, Alt: the start), Enter to save' : null}
      </p>
      <p aria-live="polite" className="px-3 text-xs font-medium text-slate-800 empty:hidden">
        {announcement}
      </p>
      {canChange ? (
        <p id={helpId} hidden>
          Arrow keys move the bar by {step === 1 ? 'a day' : 'a week'}; Shift with an arrow moves its end, Alt its start; Enter saves, Escape puts it back.
        </p>
      ) : null}
      {assignments.length === 0 && timeOff.length === 0 ? <p className="px-3 text-sm text-slate-600">No assignments or time off in these weeks.</p> : null}
      <ul aria-label={`${person.name}’s assignments in this period`} className="space-y-1">
        {assignments.map((assignment) => (
          <li key={assignment.id} className="flex items-center">
            <span className={`${nameColumn} shrink-0 truncate px-3 text-xs`}>
              <Link href={`/clients/${assignment.clientId}/projects/${assignment.projectId}`} className="text-indigo-700 hover:underline">
                {assignment.clientName} · {assignment.projectName}
              </Link>
            </span>
            <AssignmentBar
              assignment={assignment}
              employeeId={person.id}
              place={place}
              span={span}
              step={step}
              helpId={helpId}
              canChange={canChange}
              announce={setAnnouncement}
              onChanged={onChanged}
            />
          </li>
        ))}
        {timeOff.map(({ entry, position }) => (
          <li key={entry.id} className="flex items-center">
            <span className={`${nameColumn} shrink-0 px-3 text-xs text-slate-700`}>Time off</span>
            <span className="relative h-6 flex-1">
              <span
                style={position}
                className="absolute inset-y-0 flex items-center truncate rounded border border-slate-400 bg-[repeating-linear-gradient(45deg,var(--color-slate-200)_0,var(--color-slate-200)_3px,white_3px,white_6px)] px-2 text-xs text-slate-900"
              >
                {entry.kind} <span className="sr-only">, {formatDateRange(entry.start, entry.end)}</span>
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}

type Drag = { edge: DragEdge; x: number; width: number; moved: boolean }

function AssignmentBar({
  assignment,
  employeeId,
  place,
  span,
  step,
  helpId,
  canChange,
  announce,
  onChanged,
}: {
  assignment: AssignmentView
  employeeId: string
  place: (start: string, end: string | null) => Placement
  span: number
  step: number
  helpId: string
  canChange: boolean
  announce: (message: string) => void
  onChanged: () => void
}) {
  const queryClient = useQueryClient()
  const track = useRef<HTMLSpanElement>(null)
  const drag = useRef<Drag | null>(null)
  const [draft, setDraft] = useState<DateRange | null>(null)
  const [saving, setSaving] = useState(false)
  const saved: DateRange = { start: assignment.startDate, end: assignment.endDate }
  const shown = draft ?? saved
  const position = place(shown.start, shown.end)
  const label = `${assignment.role} · ${assignment.allocation}%`
  const describe = (range: DateRange) => formatDateRange(range.start, range.end)

  /** Keeps the person's view in step with what the server said, without a read the index may not have caught up with. */
  function remember(view: AssignmentView) {
    queryClient.setQueryData<EmployeeStaffing>(employeeKeys.staffing(employeeId), (data) =>
      data ? { ...data, assignments: data.assignments.map((each) => (each.id === view.id ? { ...each, ...view } : each)) } : data,
    )
  }

  async function save(range: DateRange) {
    if (range.start === saved.start && range.end === saved.end) {
      setDraft(null)
      return
    }
    setSaving(true)
    const response = await sendJson<AssignmentView>('PATCH', `/api/clients/${assignment.clientId}/projects/${assignment.projectId}/staffing/${assignment.id}`, {
      version: assignment.version,
      role: assignment.role,
      allocation: assignment.allocation,
      status: assignment.status,
      startDate: range.start,
      ...(range.end ? { endDate: range.end } : {}),
    })
    setSaving(false)
    setDraft(null)
    if (response.ok) {
      remember(response.body)
      announce(`${assignment.projectName}: saved, now ${describe({ start: response.body.startDate, end: response.body.endDate })}.`)
      onChanged()
      return
    }
    const current = response.error.current as AssignmentView | undefined
    if (response.error.code === 'conflict:stale' && current) {
      remember(current)
      announce(
        `${assignment.projectName}: not saved. Someone else changed this assignment meanwhile; it is now ${describe({ start: current.startDate, end: current.endDate })}, ${current.allocation}%, ${current.status}. Drag again to change theirs.`,
      )
      onChanged()
      return
    }
    const fields = Object.values(response.error.fields ?? {}).flat()
    announce(`${assignment.projectName}: not saved. ${fields.length ? fields.join(' ') : response.error.message}`)
  }

  function onPointerDown(event: PointerEvent<HTMLButtonElement>) {
    if (!canChange || saving || event.button !== 0 || !track.current) return
    const edge = ((event.target as HTMLElement).dataset.edge as DragEdge | undefined) ?? 'move'
    drag.current = { edge, x: event.clientX, width: track.current.getBoundingClientRect().width, moved: false }
    event.currentTarget.setPointerCapture(event.pointerId)
  }

  function onPointerMove(event: PointerEvent<HTMLButtonElement>) {
    const current = drag.current
    if (!current) return
    const dx = event.clientX - current.x
    if (!current.moved && Math.abs(dx) < 3) return
    current.moved = true
    const days = Math.round((dx / current.width) * span)
    setDraft(moveDates(saved, current.edge, days))
  }

  function onPointerUp(event: PointerEvent<HTMLButtonElement>) {
    const current = drag.current
    drag.current = null
    if (!current?.moved) return
    event.currentTarget.releasePointerCapture(event.pointerId)
    const days = Math.round(((event.clientX - current.x) / current.width) * span)
    void save(moveDates(saved, current.edge, days))
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'Tab') return
    // The grid around moves between cells on these keys: here they belong to the bar.
    event.stopPropagation()
    if (!canChange || saving) return
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      const edge: DragEdge = event.shiftKey ? 'end' : event.altKey ? 'start' : 'move'
      const next = moveDates(shown, edge, event.key === 'ArrowRight' ? step : -step)
      setDraft(next)
      announce(`${assignment.projectName}: ${describe(next)}. Enter saves, Escape puts it back.`)
    } else if (event.key === 'Enter' && draft) {
      void save(draft)
    } else if (event.key === 'Escape' && draft) {
      setDraft(null)
      announce(`${assignment.projectName}: back to ${describe(saved)}.`)
    } else return
    event.preventDefault()
  }

  const name = `${assignment.clientName} · ${assignment.projectName}, ${assignment.role}, ${assignment.allocation}%, ${describe(shown)}${assignment.status === 'tentative' ? ', tentative' : ''}${draft ? ', not saved yet' : ''}`
  return (
    <span ref={track} className="relative h-6 flex-1">
      {position ? (
        <button
          type="button"
          aria-label={name}
          title={name}
          aria-describedby={canChange ? helpId : undefined}
          aria-disabled={!canChange || saving ? true : undefined}
          data-assignment={assignment.id}
          style={position}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            drag.current = null
            setDraft(null)
          }}
          onKeyDown={onKeyDown}
          className={`absolute inset-y-0 flex touch-none items-center truncate rounded px-2 text-xs text-white select-none focus-visible:ring-2 focus-visible:ring-amber-400 focus-visible:ring-offset-1 focus-visible:outline-none ${
            assignment.status === 'tentative' ? 'border-2 border-dashed border-indigo-900 bg-indigo-500' : 'bg-indigo-700'
          } ${draft ? 'opacity-80 ring-2 ring-amber-400' : ''} ${canChange ? 'cursor-grab active:cursor-grabbing' : 'cursor-default'}`}
        >
          {canChange ? <span data-edge="start" aria-hidden className="absolute inset-y-0 left-0 w-2 cursor-ew-resize rounded-l bg-white/30" /> : null}
          <span aria-hidden className="truncate">
            {label}
            {draft ? ` → ${formatDate(shown.start)}` : ''}
          </span>
          {canChange && shown.end ? <span data-edge="end" aria-hidden className="absolute inset-y-0 right-0 w-2 cursor-ew-resize rounded-r bg-white/30" /> : null}
        </button>
      ) : (
        <span className="text-xs text-slate-600">{describe(shown)}: outside these weeks</span>
      )}
    </span>
  )
}
