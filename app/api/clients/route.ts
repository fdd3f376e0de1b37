import { createClient } from '@/lib/clients/mutations'
import { listClients } from '@/lib/clients/queries'
import { createBody, respond, searchParamsOf } from '@/lib/http'
import { clientListInput } from '@/lib/clients/schemas'
import { parseInput } from '@/lib/validation'

export function GET(request: Request) {
  return respond(() => listClients(parseInput(clientListInput, searchParamsOf(request), 'list query')))
}

export async function POST(request: Request) {
  return respond(async () => createClient(await createBody(request)), 201)
}
