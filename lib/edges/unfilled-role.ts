import 'server-only'
import { ClientEntity, GetItemCommand, ProjectEntity, UnfilledRoleEntity, copyFields, deleteItemOf } from '../db'
import { capacityPartOf } from '../db/capacity-store'
import { applyCapacity, roleCapacityChange } from '../digests/capacity-sync'
import { todayIso } from '../load/allocation'

// An unfilled role feeds one aggregate: its entry in the capacity digest. Same shape as
// syncAssignment: read the role consistently, check its project and client still exist (else the
// role must not outlive them), refresh its copied names, set its capacity entry, read it again, and
// go round again if it changed meanwhile.

export interface RoleRef {
  clientId: string
  projectId: string
  roleId: string
}

export async function readRole(ref: RoleRef) {
  const { Item } = await UnfilledRoleEntity.build(GetItemCommand).key({ clientId: ref.clientId, projectId: ref.projectId, id: ref.roleId }).options({ consistent: true }).send()
  return Item ?? null
}

type RoleItem = NonNullable<Awaited<ReturnType<typeof readRole>>>

const stamp = (role: RoleItem | null) =>
  role ? JSON.stringify([role.version, role.deletingAt, role.fillToken, role.clientName, role.projectName, role.practice, role.allocation, role.startDate, role.endDate, role.status]) : 'gone'

export async function syncUnfilledRole(ref: RoleRef, options: { today?: string } = {}): Promise<RoleItem | null> {
  const today = options.today ?? todayIso()
  let role = await readRole(ref)
  for (let round = 0; round < 10; round++) {
    if (role) {
      const [{ Item: project }, { Item: client }] = await Promise.all([
        ProjectEntity.build(GetItemCommand).key({ clientId: ref.clientId, id: ref.projectId }).options({ consistent: true }).send(),
        ClientEntity.build(GetItemCommand).key({ id: ref.clientId }).options({ consistent: true }).send(),
      ])
      if (!project || project.deletingAt || !client || client.deletingAt) {
        await deleteItemOf(UnfilledRoleEntity, { clientId: ref.clientId, projectId: ref.projectId, id: ref.roleId })
        role = null
      } else {
        const key = { clientId: ref.clientId, projectId: ref.projectId, id: ref.roleId }
        const clientStale = role.clientName !== client.name && (role.clientNameVersion ?? 0) < client.version
        const projectStale = role.projectName !== project.name && (role.projectNameVersion ?? 0) < project.version
        if (clientStale) await copyFields(UnfilledRoleEntity, key, { clientName: client.name }, 'clientNameVersion', client.version)
        if (projectStale) await copyFields(UnfilledRoleEntity, key, { projectName: project.name }, 'projectNameVersion', project.version)
        // Its capacity entry lists the names: read the role again only if they were just copied.
        if (clientStale || projectStale) role = await readRole(ref)
      }
    }
    await applyCapacity(capacityPartOf(ref.roleId), [roleCapacityChange(role, ref.roleId)], today)
    const now = await readRole(ref)
    if (stamp(now) === stamp(role)) return now
    role = now
  }
  throw new Error(`Unfilled role ${ref.roleId} kept changing while it was being synchronised`)
}

/** Deletes an unfilled role (if it is still there) and takes it out of the capacity digest; whether it was there. */
export async function removeUnfilledRole(ref: RoleRef): Promise<boolean> {
  const removed = await deleteItemOf(UnfilledRoleEntity, { clientId: ref.clientId, projectId: ref.projectId, id: ref.roleId })
  await syncUnfilledRole(ref)
  return removed !== null
}
