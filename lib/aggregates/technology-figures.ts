import type { FormattedItem } from 'dynamodb-toolbox'
import type { TechnologyEntity } from '../db'

/** Figures stored on the technology item, derived from its per-edge maps. */
export function technologyFigures(technology: Pick<FormattedItem<typeof TechnologyEntity>, 'projectKeys' | 'people'>) {
  return { projectCount: Object.keys(technology.projectKeys).length, peopleCount: Object.keys(technology.people).length }
}

/** The entry key of a stack entry in the technology's `projectKeys` map. */
export function projectKeyOf(clientId: string, projectId: string): string {
  return `${clientId}#${projectId}`
}
