import type { Metadata } from 'next'
import { forbidden } from 'next/navigation'
import { requireActor } from '@/lib/auth/session'
import { can } from '@/lib/authorization'
import { PageHeader } from '@/components/ui/page-header'
import { RateLinesForm } from '@/components/finance/rate-lines-form'
import { saveRateCardAction } from '@/lib/actions/finance'
import { getRateCard } from '@/lib/finance/queries'

export const metadata: Metadata = { title: 'Finance' }

export default async function FinancePage() {
  const actor = await requireActor()
  if (!can(actor, 'see-money')) forbidden()
  const card = await getRateCard(actor)
  return (
    <>
      <PageHeader title="Finance" description={`Money for managers and admins, in ${card.currency} (set by ROSTER_CURRENCY).`} />
      <section aria-labelledby="card-heading" className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="card-heading" className="mb-1 text-lg font-semibold">The firm’s rate card</h2>
        <p className="mb-3 text-sm text-slate-600">
          The charge-out rate per role title, matched to an assignment’s role (case and spacing aside). A project’s own rate for a role, and an assignment’s own rate, are
          over it. Saving reprices every assignment whose role changed, client by client.
        </p>
        <RateLinesForm
          action={saveRateCardAction}
          label="Firm rate card"
          hidden={{ version: String(card.version) }}
          rates={card.rates}
          currency={card.currency}
          submitLabel="Save rate card"
        />
      </section>
    </>
  )
}
