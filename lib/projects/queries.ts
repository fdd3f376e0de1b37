import 'server-only'
import { isEntityId } from '../validation'
import { authorize, can, type Actor } from '../authorization'
import { todayIso } from '../load/allocation'
import { nameAccessPattern } from '../db'
import type { ProjectDetail } from '../dto'
import { assembleProjects, queryClientPartition } from '../clients/partition'

/** Access pattern 2: one project with its assignments and stack, one Query on the client's partition. */
export async function getProjectPage(actor: Actor | null, { clientId, projectId }: { clientId: string; projectId: string }): Promise<ProjectDetail | null> {
  authorize(actor, 'read')
  if (!isEntityId(clientId) || !isEntityId(projectId)) return null
  nameAccessPattern('Project page')
  const items = await queryClientPartition(clientId, projectId)
  return assembleProjects(items, { money: can(actor, 'see-money'), today: todayIso() }).find((project) => project.id === projectId) ?? null
}
