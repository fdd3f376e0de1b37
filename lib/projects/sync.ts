import { ClientEntity, GetItemCommand, ProjectEntity, StackEntryEntity, copyFields, deleteItemOf } from '../db'
import { updateAggregate } from '../consistency/aggregates'
import { projectKeyOf } from '../technologies/derived'
import { syncProjectOverview } from '../overview/maintain'

// A project is an entry in its client's `projectIds` map (projectCount); a stack entry is an entry in
// its technology's `projectKeys` map (projectCount). Same shape as syncAssignment.

export interface ProjectRef {
  clientId: string
  projectId: string
}

async function readProject(ref: ProjectRef) {
  const { Item } = await ProjectEntity.build(GetItemCommand).key({ clientId: ref.clientId, id: ref.projectId }).options({ consistent: true }).send()
  return Item ?? null
}

/** Counts a live project on its client (a project being deleted no longer counts). */
export async function syncProject(ref: ProjectRef) {
  let project = await readProject(ref)
  for (let round = 0; round < 10; round++) {
    const live = Boolean(project && !project.deletingAt)
    const client = await updateAggregate('client', ref.clientId, [{ map: 'projectIds', entry: ref.projectId, value: live ? 1 : undefined }])
    if (project && !project.deletingAt) {
      if (!client || client.deletingAt) {
        // Created while its client was being deleted: the client's sweep may have passed already.
        await deleteItemOf(ProjectEntity, { clientId: ref.clientId, id: ref.projectId })
      } else if (project.clientName !== client.name) {
        await copyFields(ProjectEntity, { clientId: ref.clientId, id: ref.projectId }, { clientName: client.name }, 'clientNameVersion', client.version as number)
      }
    }
    const now = await readProject(ref)
    if (Boolean(now && !now.deletingAt) === live) {
      await syncProjectOverview(ref.clientId, ref.projectId)
      return now
    }
    project = now
  }
  throw new Error(`Project ${ref.projectId} kept changing while it was being synchronised`)
}

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
      const [{ Item: project }, { Item: client }] = await Promise.all([
        ProjectEntity.build(GetItemCommand).key({ clientId: ref.clientId, id: ref.projectId }).options({ consistent: true }).send(),
        ClientEntity.build(GetItemCommand).key({ id: ref.clientId }).options({ consistent: true }).send(),
      ])
      const key = { clientId: ref.clientId, projectId: ref.projectId, technologyId: ref.technologyId }
      if (!project || project.deletingAt || !client || client.deletingAt || !technology || technology.deletingAt) {
        await deleteItemOf(StackEntryEntity, key)
      } else {
        await Promise.all([
          entry.clientName !== client.name && copyFields(StackEntryEntity, key, { clientName: client.name }, 'clientNameVersion', client.version),
          entry.projectName !== project.name && copyFields(StackEntryEntity, key, { projectName: project.name }, 'projectNameVersion', project.version),
          (entry.technologyName !== technology.name || entry.technologyCategory !== technology.category) &&
            copyFields(StackEntryEntity, key, { technologyName: technology.name, technologyCategory: technology.category }, 'technologyNameVersion', technology.version as number),
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
