import type { AssignmentView } from '@/lib/dto'
import { formatRate } from '@/lib/money/currency'

const sourceLabels = { assignment: 'its own rate', project: 'the project’s rate for the role', card: 'the firm’s card', none: 'no rate' } as const

/** Each assignment's charge-out and cost rate, and where the charge-out rate came from (managers and admins). */
export function AssignmentRates({ assignments, currency }: { assignments: AssignmentView[]; currency: string }) {
  const priced = assignments.filter((assignment) => assignment.money)
  if (priced.length === 0) return <p className="text-sm text-slate-600">Nobody is staffed yet.</p>
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Rates of each assignment (scrolls sideways)">
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="py-1 pr-3 font-medium">Person</th>
            <th scope="col" className="py-1 pr-3 font-medium">Role</th>
            <th scope="col" className="py-1 pr-3 font-medium">Charges</th>
            <th scope="col" className="py-1 font-medium">Costs</th>
          </tr>
        </thead>
        <tbody>
          {priced.map((assignment) => (
            <tr key={assignment.id} className="border-t border-slate-100">
              <td className="py-1 pr-3">{assignment.employeeName}</td>
              <td className="py-1 pr-3">{assignment.role}</td>
              <td className="py-1 pr-3 tabular-nums">
                {assignment.money!.priced ? `${formatRate(assignment.money!.rate, currency)} (${sourceLabels[assignment.money!.rateSource]})` : 'being priced'}
              </td>
              <td className="py-1 tabular-nums">{assignment.money!.priced ? formatRate(assignment.money!.cost, currency) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
