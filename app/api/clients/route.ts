import { createClient } from '@/lib/clients/mutations'
import { listClients } from '@/lib/clients/queries'
import { createBody, respondAs, searchParamsOf } from '@/lib/http/respond'
import { clientListInput } from '@/lib/clients/schemas'
import { parseInput } from '@/lib/validation'

export function GET(request: Request) {
  return respondAs(request, (actor) => listClients(actor, parseInput(clientListInput, searchParamsOf(request), 'list query')))
}

export async function POST(request: Request) {
  return respondAs(request, async (actor) => createClient(actor, await createBody(request)), 201)
}
