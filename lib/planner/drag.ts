// Dragging an assignment's bar on the planner: the dates it would have, pure so the browser's drag,
// the keyboard and the tests agree.

export type DateRange = { start: string; end: string | null }

/** What a drag holds: the whole bar, or one of its ends. */
export type DragEdge = 'move' | 'start' | 'end'

const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * The range after moving `edge` by `days`: the whole bar keeps its length (an open end stays open);
 * an end never passes the other, so the shortest assignment is one day.
 */
export function moveDates(range: DateRange, edge: DragEdge, days: number): DateRange {
  if (days === 0) return range
  if (edge === 'move') return { start: shift(range.start, days), end: range.end ? shift(range.end, days) : null }
  if (edge === 'start') {
    const start = shift(range.start, days)
    return { start: range.end && start > range.end ? range.end : start, end: range.end }
  }
  if (!range.end) return range
  const end = shift(range.end, days)
  return { start: range.start, end: end < range.start ? range.start : end }
}
