import 'server-only'
import { StackEntryEntity, copyFields, deleteItemOf, GetItemCommand } from '../db'
import { updateAggregate } from '../aggregates/update'
import { projectKeyOf } from '../aggregates/technology-figures'
import { readClient, readProject } from '../reads'
import type { ProjectRef } from './project'

// A stack entry is an entry in its technology's `projectKeys` map (projectCount), and holds copies of
// its client's, project's and technology's names. Same shape as syncAssignment.

export interface StackEntryRef extends ProjectRef {
  technologyId: string
}

async function readStackEntry(ref: StackEntryRef) {
  const { Item } = await StackEntryEntity.build(GetItemCommand)
    .key({ clientId: ref.clientId, projectId: ref.projectId, technologyId: ref.technologyId })
    .options({ consistent: true })
    .send()
  return Item ?? null
}

export async function syncStackEntry(ref: StackEntryRef) {
  let entry = await readStackEntry(ref)
  for (let round = 0; round < 10; round++) {
    const technology = await updateAggregate('technology', ref.technologyId, [
      { map: 'projectKeys', entry: projectKeyOf(ref.clientId, ref.projectId), value: entry ? 1 : undefined },
    ])
    if (entry) {
      const [project, client] = await Promise.all([readProject(ref.clientId, ref.projectId), readClient(ref.clientId)])
      const key = { clientId: ref.clientId, projectId: ref.projectId, technologyId: ref.technologyId }
      if (!project || project.deletingAt || !client || client.deletingAt || !technology || technology.deletingAt) {
        await deleteItemOf(StackEntryEntity, key)
      } else {
        await Promise.all([
          entry.clientName !== client.name && copyFields(StackEntryEntity, key, { clientName: client.name }, 'clientNameVersion', client.version),
          entry.projectName !== project.name && copyFields(StackEntryEntity, key, { projectName: project.name }, 'projectNameVersion', project.version),
          (entry.technologyName !== technology.name || entry.technologyCategory !== technology.category) &&
            copyFields(StackEntryEntity, key, { technologyName: technology.name, technologyCategory: technology.category }, 'technologyNameVersion', technology.version),
        ])
      }
    }
    const now = await readStackEntry(ref)
    if (Boolean(now) === Boolean(entry)) return now
    entry = now
  }
  throw new Error(`Stack entry ${ref.projectId}/${ref.technologyId} kept changing while it was being synchronised`)
}

/** Deletes a stack entry (if it is still there) and takes it out of its technology; whether it was there. */
export async function removeStackEntryEdge(ref: StackEntryRef): Promise<boolean> {
  const removed = await deleteItemOf(StackEntryEntity, { clientId: ref.clientId, projectId: ref.projectId, technologyId: ref.technologyId })
  await syncStackEntry(ref)
  return removed !== null
}
