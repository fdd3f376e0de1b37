/**
 * Today's allocation as a bar; `away` (time off today) says so instead. Coloured as load: room to
 * spare indigo, exactly 100% full (blue, as on the planner), above it over-allocated (red); the label says which.
 */
export function AllocationBar({ percent, away = false }: { percent: number; away?: boolean }) {
  const over = percent > 100
  const full = percent === 100
  const bench = percent === 0 && !away
  const label = away ? 'On time off' : bench ? 'On the bench' : `${percent}%${over ? ' (over-allocated)' : full ? ' (full)' : ''}`
  return (
    <div className="flex items-center gap-2">
      <div className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200" role="img" aria-label={`Allocated ${label}`}>
        <div className={`h-full ${over ? 'bg-red-600' : full ? 'bg-sky-600' : 'bg-indigo-600'}`} style={{ width: `${Math.min(percent, 100)}%` }} />
      </div>
      <span className={`min-w-28 shrink-0 whitespace-nowrap text-xs tabular-nums ${over ? 'font-semibold text-red-800' : full ? 'font-medium text-sky-900' : bench ? 'text-amber-800' : 'text-slate-700'}`}>{label}</span>
    </div>
  )
}
