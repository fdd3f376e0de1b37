import { createBody, respondAs, searchParamsOf } from '@/lib/http/respond'
import { createTechnology } from '@/lib/technologies/mutations'
import { listTechnologies } from '@/lib/technologies/queries'
import { technologyListInput } from '@/lib/technologies/schemas'
import { parseInput } from '@/lib/validation'

export function GET(request: Request) {
  return respondAs(request, (actor) => listTechnologies(actor, parseInput(technologyListInput, searchParamsOf(request), 'list query')))
}

export async function POST(request: Request) {
  return respondAs(request, async (actor) => createTechnology(actor, await createBody(request)), 201)
}
