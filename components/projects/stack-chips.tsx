import Link from 'next/link'
import type { StackEntryView } from '@/lib/dto'

/** A project's technologies as links to their pages (read-only; managers get the stack editor). */
export function StackChips({ stack, label }: { stack: Pick<StackEntryView, 'technologyId' | 'technologyName' | 'note'>[]; label?: string }) {
  if (stack.length === 0) return <p className="text-sm text-slate-600">No technologies yet.</p>
  return (
    <ul className="mt-1 flex flex-wrap gap-2" aria-label={label}>
      {stack.map((entry) => (
        <li key={entry.technologyId}>
          <Link href={`/technologies/${entry.technologyId}`} className="inline-flex rounded-full bg-indigo-50 px-3 py-1 text-sm text-indigo-800 hover:bg-indigo-100">
            {entry.technologyName}
            {entry.note ? <span className="ml-1 text-indigo-600">{entry.note}</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  )
}
