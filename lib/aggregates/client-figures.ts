import type { FormattedItem } from 'dynamodb-toolbox'
import type { ClientEntity } from '../db'

/** Figures stored on the client item, derived from its per-edge maps. */
export function clientFigures(client: Pick<FormattedItem<typeof ClientEntity>, 'projectIds' | 'staffing'>) {
  return { projectCount: Object.keys(client.projectIds).length, staffedCount: new Set(Object.values(client.staffing)).size }
}
