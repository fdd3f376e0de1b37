import { ClientEntity, EmployeeEntity, TechnologyEntity, applyEntries, writeDerived, type EntryChange } from '../db'
import { clientFigures } from './client-figures'
import { employeeFigures } from './employee-figures'
import { technologyFigures } from './technology-figures'

// Every change to an aggregate's maps is followed by storing all of its derived figures, computed
// from the item as that change left it. A write whose aggRev has moved on is skipped: the change that
// moved it stores its own figures, so the last change to an aggregate always has its figures stored.

const aggregates = {
  client: { entity: ClientEntity, figures: clientFigures },
  employee: { entity: EmployeeEntity, figures: employeeFigures },
  technology: { entity: TechnologyEntity, figures: technologyFigures },
} as const

type Aggregate = keyof typeof aggregates

/** Applies per-edge map changes to an aggregate and stores its figures; the item after the change, or null if it is gone. */
export async function updateAggregate(kind: Aggregate, id: string, changes: EntryChange[]): Promise<Record<string, unknown> | null> {
  const { entity, figures } = aggregates[kind]
  const item = await applyEntries<typeof entity>(entity, { id }, changes)
  if (item) await writeDerived(entity, item, figures(item))
  return item
}
