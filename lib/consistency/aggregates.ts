import { applyEntries, entityNames, writeDerived, type EntryChange, type ItemKey } from '../db'
import { clientFigures } from '../clients/derived'
import { employeeFigures } from '../employees/derived'
import { technologyFigures } from '../technologies/derived'

// Every change to an aggregate's maps is followed by storing all of its derived figures, computed
// from the item as that change left it. A write whose aggRev has moved on is skipped: the change that
// moved it stores its own figures, so the last change to an aggregate always has its figures stored.

type AggregateType = typeof entityNames.client | typeof entityNames.employee | typeof entityNames.technology

const figuresOf: Record<AggregateType, (item: Record<string, unknown>) => Record<string, unknown>> = {
  [entityNames.client]: clientFigures,
  [entityNames.employee]: employeeFigures,
  [entityNames.technology]: technologyFigures,
}

/** Applies per-edge map changes to an aggregate and stores its figures; the item after the change, or null if it is gone. */
export async function updateAggregate(key: ItemKey, type: AggregateType, changes: EntryChange[]): Promise<Record<string, unknown> | null> {
  const item = await applyEntries(key, type, changes)
  if (item) await writeDerived(item, type, figuresOf[type](item))
  return item
}
