import 'server-only'
import { isEntityId } from '../validation'
import { authorize, type Actor } from '../authorization'
import { QueryCommand, RosterTable, SkillEntity, StackEntryEntity, TechnologyEntity, decodeCursor, encodeCursor, partitions, listPartitions, cachedScreen, nameAccessPattern, technologyPeopleRange, technologyProjectsRange } from '../db'
import { toSkillView, toStackEntryView, toTechnologySummary, type SkillView, type StackEntryView, type TechnologySummary } from '../dto'
import { listQueryParams, nextCursorOf } from '../lists/list-query'
import type { ListQueryInput, Page } from '../lists/schemas'

export type TechnologyView = 'people' | 'projects'

export interface TechnologyPage {
  /** The technology itself: on a view's first page (later pages continue past it). */
  technology: TechnologySummary | null
  /** Its name, also on later pages (every row carries a copy). */
  technologyName: string
  view: TechnologyView
  /** The view's rows: projects using it, or people who know it from the highest level down. */
  projects: StackEntryView[]
  people: SkillView[]
  nextCursor: string | null
}

export const TECHNOLOGY_PAGE_SIZE = 50

/**
 * Access pattern 4: one Query on GSI2PK=TECH#<id> per page. The partition sorts the skills
 * (SKILL#<level>#<eid>), then the technology (TECH), then its stack entries (USE#<cid>#<pid>), so
 * the people page reads backwards from the technology (it, then the best people first) and the
 * projects page forwards from it; each continues by cursor. A missing technology is null.
 */
export async function getTechnologyPage(
  actor: Actor | null,
  { technologyId, view = 'people', cursor, limit = TECHNOLOGY_PAGE_SIZE }: { technologyId: string; view?: TechnologyView; cursor?: string; limit?: number },
): Promise<TechnologyPage | null> {
  authorize(actor, 'read')
  if (!isEntityId(technologyId)) return null
  nameAccessPattern(view === 'people' ? 'Technology page: people' : 'Technology page: projects')
  const partition = partitions.technology(technologyId)
  const exclusiveStartKey = decodeCursor(cursor, { attribute: 'GSI2PK', value: partition })
  const { Items = [], LastEvaluatedKey } = await RosterTable.build(QueryCommand)
    .entities(TechnologyEntity, StackEntryEntity, SkillEntity)
    .query({ index: 'GSI2', partition, range: view === 'people' ? technologyPeopleRange : technologyProjectsRange })
    // The first page's extra item is the technology itself.
    .options({ limit: exclusiveStartKey ? limit : limit + 1, reverse: view === 'people', exclusiveStartKey, showEntityAttr: true, entityAttrFilter: false })
    .send()
  const technologyItem = Items.find((item) => item.entity === 'Technology')
  const technology = technologyItem && technologyItem.entity === 'Technology' && !technologyItem.deletingAt ? toTechnologySummary(technologyItem) : null
  if (!exclusiveStartKey && !technology) return null
  const projects: StackEntryView[] = []
  const people: SkillView[] = []
  for (const item of Items) {
    if (item.entity === 'StackEntry') projects.push(toStackEntryView(item))
    if (item.entity === 'Skill') people.push(toSkillView(item))
  }
  // Within a page: projects by client and name; people as the key has them (highest level first), then by name.
  projects.sort((a, b) => a.clientName.localeCompare(b.clientName) || a.projectName.localeCompare(b.projectName))
  people.sort((a, b) => b.level - a.level || a.employeeName.localeCompare(b.employeeName))
  const technologyName = technology?.name ?? people[0]?.technologyName ?? projects[0]?.technologyName
  if (!technologyName) return null
  return { technology, technologyName, view, projects, people, nextCursor: encodeCursor(LastEvaluatedKey) }
}

/** Access pattern 5: technologies by name, prefix search, optional category filter; one Query on GSI3. */
export async function listTechnologies(actor: Actor | null, input: ListQueryInput & { category?: TechnologySummary['category'] }): Promise<Page<TechnologySummary>> {
  authorize(actor, 'read')
  return cachedScreen({ screen: 'technologies', role: actor.role, args: [input] }, async () => {
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
  })
}
