import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { ClientEntity, EmployeeEntity, TechnologyEntity, applyEntries, writeDerived, type EntryChange } from '../db'
import { clientFigures } from './client-figures'
import { employeeFigures } from './employee-figures'
import { technologyFigures } from './technology-figures'

// Every change to an aggregate's maps is followed by storing all of its derived figures, computed
// from the item as that change left it. A write whose aggRev has moved on is skipped: the change that
// moved it stores its own figures, so the last change to an aggregate always has its figures stored.

type AggregateEntity = typeof ClientEntity | typeof EmployeeEntity | typeof TechnologyEntity

/** Stores the figures derived from the item a change left (when it is there), and passes the item on. */
const derive =
  <E extends AggregateEntity>(entity: E, figures: (item: FormattedItem<E>) => Partial<FormattedItem<E>>) =>
  async (item: FormattedItem<E> | null) => {
    if (item) await writeDerived(entity, item, figures(item))
    return item
  }

/** Applies per-edge map changes to an aggregate and stores its figures; the item after the change, or null if it is gone. */
export function updateAggregate(kind: 'client', id: string, changes: EntryChange[]): Promise<FormattedItem<typeof ClientEntity> | null>
export function updateAggregate(kind: 'employee', id: string, changes: EntryChange[]): Promise<FormattedItem<typeof EmployeeEntity> | null>
export function updateAggregate(kind: 'technology', id: string, changes: EntryChange[]): Promise<FormattedItem<typeof TechnologyEntity> | null>
export function updateAggregate(kind: 'client' | 'employee' | 'technology', id: string, changes: EntryChange[]) {
  if (kind === 'client') return applyEntries(ClientEntity, { id }, changes).then(derive(ClientEntity, clientFigures))
  if (kind === 'employee') return applyEntries(EmployeeEntity, { id }, changes).then(derive(EmployeeEntity, employeeFigures))
  return applyEntries(TechnologyEntity, { id }, changes).then(derive(TechnologyEntity, technologyFigures))
}
