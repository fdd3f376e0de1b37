'use client'

import { useRouter } from 'next/navigation'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { Button } from '@/components/ui/button'
import { cellName, plannerCell, type PlannerCell, type PlannerColumn, type PlannerRow } from '@/lib/planner/grid'
import type { PlannerUnit } from '@/lib/planner/schemas'
import { practiceFigures, type PracticeFigures } from '@/lib/planner/practice-figures'
import { capacityOptions } from '@/lib/capacity/query-options'
import { formatDate } from '@/lib/format'
import { useHydrated } from '@/components/ui/use-hydrated'
import { PersonBars } from './person-bars'
import { StaffFromPlanner } from './staff-from-planner'

type Sort = 'name' | 'availability'

interface Group {
  practice: string
  people: { person: PlannerRow; cells: PlannerCell[] }[]
  /** The whole practice (from the capacity digests), once read: headcount and each column's figures. */
  whole: PracticeFigures | null
}

interface Selection {
  personId: string
  anchor: number
  focus: number
}

/** A row the arrow keys move through: a practice's summary, a person, or a person's opened assignments. */
type NavRow = { kind: 'group'; group: Group } | { kind: 'person'; person: PlannerRow; cells: PlannerCell[] } | { kind: 'details'; person: PlannerRow }

// Named in app/globals.css: a page holds hundreds of cells.
const availabilityStyle: Record<PlannerCell['availability'], string> = { free: 'is-free', partly: 'is-partly', full: 'is-full', over: 'is-over' }
const hatched = 'is-off'

// The name column's width, shared by the person rows and an opened row's bars, so bars line up with the columns.
// On a phone the name column narrows and the grid scrolls inside its card (it keeps a readable width).
const NAME_COLUMN = 'w-32 sm:w-56'

function averageFree(cells: PlannerCell[]): number {
  return cells.reduce((sum, cell) => sum + cell.free, 0) / Math.max(1, cells.length)
}

type GridProps = {
  people: PlannerRow[]
  columns: PlannerColumn[]
  includeTentative: boolean
  unit: PlannerUnit
  /** Whether the people are split over pages (a group may continue on another). */
  paged: boolean
  sort: Sort
  canStaff: boolean
  today: string
}

/**
 * The grid is built in the browser from the page's compact rows: the server sends the people once,
 * as data, and a placeholder of the grid's height, not hundreds of rendered cells beside that data.
 */
export function PlannerGrid(props: GridProps) {
  const hydrated = useHydrated()
  if (hydrated) return <PlannerGridBody {...props} />
  const practices = new Set(props.people.map((person) => person.practice ?? 'No practice')).size
  return (
    <>
      <div
        role="status"
        aria-busy="true"
        // Rows are 2rem for a person and for a practice: the page does not jump when the grid arrives.
        style={{ minHeight: `${props.people.length * 2 + practices * 2 + 3}rem` }}
        className="flex items-start justify-center rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600"
      >
        Loading the planner for {props.people.length} {props.people.length === 1 ? 'person' : 'people'}…
      </div>
    </>
  )
}

/**
 * People × periods as an ARIA grid: one tab stop, arrow keys move between cells (Home/End to a row's
 * ends, Ctrl+Home/End to the grid's), Shift+Left/Right selects a range of weeks in a person's row,
 * Enter opens the staffing dialog for it. Each cell's name says the figures in words.
 */
function PlannerGridBody({ people, columns, includeTentative, unit, paged, sort, canStaff, today }: GridProps) {
  const router = useRouter()
  // The practices' whole figures: the capacity digests' one read, shared with /capacity and cached
  // across the planner's pages; the page's own read stays the one Query of its people.
  const capacity = useQuery(capacityOptions())
  const tableRef = useRef<HTMLTableElement>(null)
  const [expanded, setExpanded] = useState<Set<string>>(new Set())
  const [active, setActive] = useState({ row: 0, col: 1 })
  const [selection, setSelection] = useState<Selection | null>(null)
  const [staffing, setStaffing] = useState<{ person: PlannerRow; start: string; end: string; free: number } | null>(null)
  const moved = useRef(false)

  const groups = useMemo(() => {
    const byPractice = new Map<string, Group>()
    for (const person of people) {
      const practice = person.practice ?? 'No practice'
      const group = byPractice.get(practice) ?? { practice, people: [], whole: null }
      group.people.push({ person, cells: columns.map((column) => plannerCell(person, column, includeTentative)) })
      byPractice.set(practice, group)
    }
    const sorted = [...byPractice.values()].sort((a, b) => a.practice.localeCompare(b.practice))
    for (const group of sorted) {
      group.whole = capacity.data ? practiceFigures(capacity.data, group.people[0].person.practice ?? '', columns, includeTentative) : null
      group.people.sort((a, b) =>
        sort === 'availability' ? averageFree(b.cells) - averageFree(a.cells) || a.person.name.localeCompare(b.person.name) : a.person.name.localeCompare(b.person.name),
      )
    }
    return sorted
  }, [people, columns, includeTentative, sort, capacity.data])

  const rows: NavRow[] = useMemo(
    () =>
      groups.flatMap((group) => [
        { kind: 'group' as const, group },
        ...group.people.flatMap(({ person, cells }) => [
          { kind: 'person' as const, person, cells },
          ...(expanded.has(person.id) ? [{ kind: 'details' as const, person }] : []),
        ]),
      ]),
    [groups, expanded],
  )

  // Keep the active cell inside the grid when rows come and go.
  const row = Math.min(active.row, rows.length - 1)
  const lastCol = (index: number) => (rows[index]?.kind === 'details' ? 0 : columns.length)
  const col = Math.min(active.col, lastCol(row))

  useEffect(() => {
    if (!moved.current) return
    moved.current = false
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)?.focus()
  }, [row, col])

  function moveTo(nextRow: number, nextCol: number) {
    const r = Math.max(0, Math.min(rows.length - 1, nextRow))
    moved.current = true
    setActive({ row: r, col: Math.max(0, Math.min(lastCol(r), nextCol)) })
  }

  function openStaffing(person: PlannerRow, from: number, to: number) {
    const [first, last] = from <= to ? [from, to] : [to, from]
    const cells = columns.slice(first - 1, last).map((column) => plannerCell(person, column, includeTentative))
    const start = columns[first - 1].start < today && columns[first - 1].end >= today ? today : columns[first - 1].start
    // A working week ends on Friday: a week column's Sunday would say "to Sunday".
    const end = columns[last - 1].end
    setStaffing({ person, start, end: endOnWorkday(end), free: Math.min(...cells.map((cell) => cell.free)) })
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const current = rows[row]
    const personRow = current?.kind === 'person' ? current : null
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowLeft': {
        const step = event.key === 'ArrowRight' ? 1 : -1
        const next = Math.max(0, Math.min(lastCol(row), col + step))
        if (event.shiftKey && personRow && col >= 1 && next >= 1) {
          setSelection((selected) => ({ personId: personRow.person.id, anchor: selected?.personId === personRow.person.id ? selected.anchor : col, focus: next }))
        }
        moveTo(row, next)
        break
      }
      case 'ArrowDown':
        moveTo(row + 1, col)
        break
      case 'ArrowUp':
        moveTo(row - 1, col)
        break
      case 'Home':
        moveTo(event.ctrlKey ? 0 : row, 0)
        break
      case 'End':
        moveTo(event.ctrlKey ? rows.length - 1 : row, lastCol(event.ctrlKey ? rows.length - 1 : row))
        break
      case 'Enter':
      case ' ':
        if (personRow && col >= 1) {
          if (!canStaff) return
          const inSelection = selection?.personId === personRow.person.id
          openStaffing(personRow.person, inSelection ? selection.anchor : col, inSelection ? selection.focus : col)
        } else if (personRow && col === 0) {
          toggle(personRow.person.id)
        } else return
        break
      case 'Escape':
        setSelection(null)
        break
      default:
        return
    }
    event.preventDefault()
  }

  function toggle(personId: string) {
    setExpanded((current) => {
      const next = new Set(current)
      if (next.has(personId)) next.delete(personId)
      else next.add(personId)
      return next
    })
  }

  function isSelected(personId: string, index: number) {
    if (!selection || selection.personId !== personId) return false
    const [first, last] = selection.anchor <= selection.focus ? [selection.anchor, selection.focus] : [selection.focus, selection.anchor]
    return index >= first && index <= last
  }

  const selectedPerson = selection ? people.find((person) => person.id === selection.personId) : undefined
  const selectedRange = selection ? [Math.min(selection.anchor, selection.focus), Math.max(selection.anchor, selection.focus)] : null
  const currentColumn = columns.findIndex((column) => column.start <= today && today <= column.end)

  return (
    <>
      {/* Announced as it changes; a bar at the foot of the screen while a selection is open, so it never pushes the grid down. */}
      <div aria-live="polite" className={selectedPerson && selectedRange ? 'fixed inset-x-0 bottom-0 z-30 border-t border-slate-300 bg-white/95 px-4 py-2 shadow-lg' : 'sr-only'}>
        {selectedPerson && selectedRange ? (
          <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3 text-sm">
            <span>
              Selected <strong>{selectedPerson.name}</strong>, {formatDate(columns[selectedRange[0] - 1].start)} – {formatDate(endOnWorkday(columns[selectedRange[1] - 1].end))}
            </span>
            {canStaff ? <Button onClick={() => openStaffing(selectedPerson, selectedRange[0], selectedRange[1])}>Staff {selectedPerson.name}…</Button> : null}
            <Button variant="secondary" onClick={() => setSelection(null)}>
              Clear selection
            </Button>
          </div>
        ) : null}
      </div>
      <p id="planner-grid-help" className="sr-only">
        {canStaff
          ? 'Arrow keys move between cells. Select a week (Shift with the arrows for a range) and press Enter to staff that person. Enter on a name opens their assignments.'
          : 'Arrow keys move between cells; each cell says the week in words. Enter on a name opens their assignments.'}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table
          ref={tableRef}
          role="grid"
          aria-label="Availability by period"
          aria-describedby="planner-grid-help"
          aria-rowcount={rows.length + 1}
          onKeyDown={onKeyDown}
          className="w-full min-w-[46rem] table-fixed border-collapse text-sm"
        >
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className={`sticky left-0 z-10 ${NAME_COLUMN} bg-slate-50 px-3 py-1.5 text-left font-medium text-slate-700`}>
                Person
              </th>
              {columns.map((column, index) => (
                <th
                  key={column.start}
                  scope="col"
                  aria-label={column.longLabel}
                  className={`px-0.5 py-1 text-center text-xs font-medium whitespace-nowrap ${index === currentColumn ? 'bg-indigo-50 text-indigo-900' : 'bg-slate-50 text-slate-700'}`}
                >
                  <span className="block text-[10px] leading-3 font-normal text-slate-600">{column.year ?? (index === currentColumn ? '' : '\u00a0')}</span>
                  {column.label}
                  {index === currentColumn ? <span className="block text-[10px] leading-3 font-normal">now</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((navRow, rowIndex) => {
              const focusProps = (colIndex: number) => ({
                'data-row': rowIndex,
                'data-col': colIndex,
                tabIndex: rowIndex === row && colIndex === col ? 0 : -1,
                onFocus: () => setActive({ row: rowIndex, col: colIndex }),
              })
              if (navRow.kind === 'group') {
                return (
                  <GroupRow
                    key={`g-${navRow.group.practice}`}
                    group={navRow.group}
                    columns={columns}
                    rowIndex={rowIndex}
                    focusProps={focusProps}
                    unit={unit}
                    paged={paged}
                    loading={capacity.isPending}
                  />
                )
              }
              if (navRow.kind === 'details') {
                return (
                  <tr key={`d-${navRow.person.id}`} aria-rowindex={rowIndex + 2}>
                    <td role="gridcell" colSpan={columns.length + 1} className="border-t border-slate-100 bg-slate-50 py-1" {...focusProps(0)}>
                      <PersonBars person={navRow.person} columns={columns} nameColumn={NAME_COLUMN} canChange={canStaff} onChanged={() => router.refresh()} />
                    </td>
                  </tr>
                )
              }
              const { person, cells } = navRow
              const open = expanded.has(person.id)
              const about = [person.title, person.location, person.level ? `level ${person.level}` : null].filter(Boolean).join(' · ')
              return (
                <tr key={person.id} aria-rowindex={rowIndex + 2} className="border-t border-slate-100">
                  <th scope="row" role="rowheader" className="sticky left-0 z-10 bg-white px-1 py-0 text-left font-normal">
                    <button
                      type="button"
                      aria-expanded={open}
                      onClick={() => toggle(person.id)}
                      title={about ? `${person.name} · ${about}` : person.name}
                      {...focusProps(0)}
                      className="flex h-8 w-full min-w-0 items-center gap-1 rounded px-2 text-left hover:bg-slate-50"
                    >
                      <span aria-hidden className="text-xs text-slate-500">{open ? '▾' : '▸'}</span>
                      <span className="min-w-0 truncate">
                        <span className="font-medium text-slate-900">{person.name}</span>
                        {about ? <span className="text-xs text-slate-600"> · {about}</span> : null}
                      </span>
                    </button>
                  </th>
                  {cells.map((cell, index) => {
                    const column = columns[index]
                    const selected = isSelected(person.id, index + 1)
                    const name = cellName(person.name, column, cell, includeTentative, unit)
                    return (
                      // A <td> in a table with role="grid" is a gridcell already.
                      <td
                        key={column.start}
                        aria-label={name}
                        aria-selected={selected}
                        {...focusProps(index + 1)}
                        onClick={(event) => {
                          setSelection((current) =>
                            event.shiftKey && current?.personId === person.id ? { ...current, focus: index + 1 } : { personId: person.id, anchor: index + 1, focus: index + 1 },
                          )
                        }}
                        onDoubleClick={() => canStaff && openStaffing(person, index + 1, index + 1)}
                        className="planner-cell"
                      >
                        <CellFace cell={cell} includeTentative={includeTentative} unit={unit} />
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <Legend unit={unit} />
      {staffing ? (
        <StaffFromPlanner
          person={staffing.person}
          start={staffing.start}
          end={staffing.end}
          free={staffing.free}
          onClose={() => {
            setStaffing(null)
            // Back to the cell the dialog was opened from.
            setTimeout(() => tableRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)?.focus())
          }}
          onStaffed={() => {
            setStaffing(null)
            setSelection(null)
            router.refresh()
          }}
        />
      ) : null}
    </>
  )
}

function endOnWorkday(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  const weekday = (date.getUTCDay() + 6) % 7
  if (weekday < 5) return isoDate
  return new Date(date.getTime() - (weekday - 4) * 86_400_000).toISOString().slice(0, 10)
}

/** The number is always there, so colour is never the only cue; tentative work is dashed, time off hatched. */
function CellFace({ cell, includeTentative, unit }: { cell: PlannerCell; includeTentative: boolean; unit: PlannerUnit }) {
  const figure = unit === 'hours' && cell.bookedHours !== null ? `${cell.bookedHours}h` : `${cell.booked}%`
  return (
    <span aria-hidden className={`planner-face ${availabilityStyle[cell.availability]}${cell.off ? ` ${hatched}` : ''}${cell.tentative ? ' is-tentative' : ''}`}>
      {figure}
      {cell.availability === 'over' ? '!' : ''}
      {cell.tentative && !includeTentative ? <small>+t</small> : null}
    </span>
  )
}

function GroupRow({
  group,
  columns,
  rowIndex,
  focusProps,
  unit,
  paged,
  loading,
}: {
  group: Group
  columns: PlannerColumn[]
  rowIndex: number
  focusProps: (col: number) => Record<string, unknown>
  unit: PlannerUnit
  paged: boolean
  loading: boolean
}) {
  const here = group.people.length
  const whole = group.whole
  // The practice's headcount from the capacity digests; the page may hold only some of them.
  const count = whole
    ? here >= whole.people
      ? `${whole.people} ${whole.people === 1 ? 'person' : 'people'}`
      : paged
        ? `${here} of ${whole.people} · continued`
        : `${here} of ${whole.people} in practice`
    : loading
      ? `${here} on this page`
      : `${here} ${here === 1 ? 'person' : 'people'}`
  return (
    <tr aria-rowindex={rowIndex + 2} className="border-t-2 border-slate-200 bg-slate-100">
      <th scope="row" role="rowheader" className="sticky left-0 z-10 truncate bg-slate-100 px-3 py-1 text-left font-semibold text-slate-900" {...focusProps(0)}>
        {group.practice} <span className="text-xs font-normal text-slate-700">· {count}</span>
        {whole && here < whole.people ? (
          <span className="sr-only">{paged ? ', the rest of the practice on other pages' : ', the rest of the practice filtered out'}</span>
        ) : null}
      </th>
      {columns.map((column, index) => {
        const figures = whole?.columns[index]
        const text = !figures ? '–' : unit === 'hours' ? `${figures.bookedHours}h` : `${figures.booked}%`
        const name = !figures
          ? `${group.practice}, ${column.longLabel}: ${loading ? 'loading the practice’s figures' : 'no figure for the whole practice this far ahead'}`
          : `${group.practice}, ${column.longLabel}, whole practice: ${figures.booked}% booked (${figures.bookedHours} of ${figures.capacityHours} hours), ${figures.freeHours} hours free`
        return (
          <td key={column.start} aria-label={name} className="planner-group-cell" {...focusProps(index + 1)}>
            <span aria-hidden>{text}</span>
          </td>
        )
      })}
    </tr>
  )
}

function Legend({ unit }: { unit: PlannerUnit }) {
  const swatch = 'inline-block h-3 w-5 rounded align-middle'
  return (
    <ul aria-label="Legend" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      <li>Cells: {unit === 'hours' ? 'hours booked' : 'percent booked'}</li>
      <li><span aria-hidden className={`${swatch} ${availabilityStyle.free} border border-emerald-300`} /> Free (0%)</li>
      <li><span aria-hidden className={`${swatch} ${availabilityStyle.partly} border border-amber-300`} /> Partly booked</li>
      <li><span aria-hidden className={`${swatch} ${availabilityStyle.full} border border-sky-300`} /> Full (100%)</li>
      <li><span aria-hidden className={`${swatch} ${availabilityStyle.over} border border-rose-300`} /> Over (!)</li>
      <li><span aria-hidden className={`${swatch} is-tentative`} /> Includes tentative work (+t: more, not counted)</li>
      <li><span aria-hidden className={`${swatch} ${hatched} border border-slate-300`} /> Time off</li>
      <li>
        Practice rows: the whole practice’s {unit === 'hours' ? 'hours booked' : 'booked share of its capacity'}, by its people (unfilled roles, which /capacity adds to
        demand, are not counted); the next 26 weeks
      </li>
    </ul>
  )
}
