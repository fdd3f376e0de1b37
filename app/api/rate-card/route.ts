import { saveRateCard } from '@/lib/finance/mutations'
import { getRateCard } from '@/lib/finance/queries'
import { jsonBody, respondAs } from '@/lib/http/respond'

/** The firm's default rate card (managers and admins): { currency, rates: [{ role, rate }], version }, rates in minor units per hour. */
export function GET(request: Request) {
  return respondAs(request, (actor) => getRateCard(actor))
}

/**
 * Saves the card: body { version, rates: [{ role, rate }] }, a rate as text as typed ("95.50") or as a number of cents
 * (as this route's GET answers it); reprices every assignment of a changed role. Stale version: 409.
 */
export async function PUT(request: Request) {
  return respondAs(request, async (actor) => saveRateCard(actor, await jsonBody(request)))
}
