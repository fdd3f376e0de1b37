import 'server-only'
import { ProjectEntity, copyFields, deleteItemOf } from '../db'
import { updateAggregate } from '../aggregates/update'
import { syncProjectOverview } from '../digests/overview-sync'
import { readProject } from '../reads'

// A project is an entry in its client's `projectIds` map (projectCount). Same shape as syncAssignment.

export interface ProjectRef {
  clientId: string
  projectId: string
}

/** Counts a live project on its client (a project being deleted no longer counts). */
export async function syncProject(ref: ProjectRef) {
  let project = await readProject(ref.clientId, ref.projectId)
  for (let round = 0; round < 10; round++) {
    const live = Boolean(project && !project.deletingAt)
    const client = await updateAggregate('client', ref.clientId, [{ map: 'projectIds', entry: ref.projectId, value: live ? 1 : undefined }])
    if (project && !project.deletingAt) {
      if (!client || client.deletingAt) {
        // Created while its client was being deleted: the client's sweep may have passed already.
        await deleteItemOf(ProjectEntity, { clientId: ref.clientId, id: ref.projectId })
      } else if (project.clientName !== client.name) {
        await copyFields(ProjectEntity, { clientId: ref.clientId, id: ref.projectId }, { clientName: client.name }, 'clientNameVersion', client.version)
      }
    }
    const now = await readProject(ref.clientId, ref.projectId)
    if (Boolean(now && !now.deletingAt) === live) {
      await syncProjectOverview(ref.clientId, ref.projectId)
      return now
    }
    project = now
  }
  throw new Error(`Project ${ref.projectId} kept changing while it was being synchronised`)
}
