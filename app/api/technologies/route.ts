import { createBody, respond, searchParamsOf } from '@/lib/http'
import { createTechnology } from '@/lib/technologies/mutations'
import { listTechnologies } from '@/lib/technologies/queries'
import { technologyListInput } from '@/lib/technologies/schemas'
import { parseInput } from '@/lib/validation'

export function GET(request: Request) {
  return respond(() => listTechnologies(parseInput(technologyListInput, searchParamsOf(request), 'list query')))
}

export async function POST(request: Request) {
  return respond(async () => createTechnology(await createBody(request)), 201)
}
