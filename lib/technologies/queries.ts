import { isEntityId } from '../validation'
import { authorize, type Actor } from '../auth/roles'
import { QueryCommand, RosterTable, SkillEntity, StackEntryEntity, TechnologyEntity, partitions, listPartitions, nameAccessPattern } from '../db'
import { toSkillView, toStackEntryView, toTechnologySummary, type SkillView, type StackEntryView, type TechnologySummary } from '../dto'
import { listQueryParams, nextCursorOf } from '../lists/list-query'
import type { ListQueryInput, Page } from '../lists/schemas'

export interface TechnologyPage {
  technology: TechnologySummary
  projects: StackEntryView[]
  people: SkillView[]
}

/**
 * Access pattern 4: the technology, the projects using it (with client names) and the people who
 * know it, all under GSI2PK=TECH#<id>: one Query on GSI2.
 */
export async function getTechnologyPage(actor: Actor | null, { technologyId }: { technologyId: string }): Promise<TechnologyPage | null> {
  authorize(actor, 'read')
  if (!isEntityId(technologyId)) return null
  nameAccessPattern('Technology page')
  const { Items = [] } = await RosterTable.build(QueryCommand)
    .entities(TechnologyEntity, StackEntryEntity, SkillEntity)
    .query({ index: 'GSI2', partition: partitions.technology(technologyId) })
    .options({ maxPages: Infinity, showEntityAttr: true, entityAttrFilter: false })
    .send()
  const technologyItem = Items.find((item) => item.entity === 'Technology')
  if (!technologyItem || technologyItem.entity !== 'Technology') return null
  const projects: StackEntryView[] = []
  const people: SkillView[] = []
  for (const item of Items) {
    if (item.entity === 'StackEntry') projects.push(toStackEntryView(item))
    if (item.entity === 'Skill') people.push(toSkillView(item))
  }
  projects.sort((a, b) => a.clientName.localeCompare(b.clientName) || a.projectName.localeCompare(b.projectName))
  people.sort((a, b) => b.level - a.level || a.employeeName.localeCompare(b.employeeName))
  return { technology: toTechnologySummary(technologyItem), projects, people }
}

/** Access pattern 5: technologies by name, prefix search, optional category filter; one Query on GSI3. */
export async function listTechnologies(actor: Actor | null, input: ListQueryInput & { category?: TechnologySummary['category'] }): Promise<Page<TechnologySummary>> {
  authorize(actor, 'read')
  nameAccessPattern('Technology list')
  const { query, options } = listQueryParams(listPartitions.technologies, input)
  const { Items = [], LastEvaluatedKey } = await RosterTable.build(QueryCommand)
    .entities(TechnologyEntity)
    .query(query)
    .options({
      ...options,
      entityAttrFilter: false,
      ...(input.category ? { filters: { Technology: { attr: 'category', eq: input.category } } } : {}),
    })
    .send()
  return { items: Items.map(toTechnologySummary), nextCursor: nextCursorOf(LastEvaluatedKey) }
}
