import type { FormattedItem } from 'dynamodb-toolbox'
import type { UnfilledRoleEntity } from '../db/entities'

/** An unfilled role as screens show it. */
export interface UnfilledRoleView {
  id: string
  clientId: string
  clientName: string
  projectId: string
  projectName: string
  role: string
  practice: string
  requirements: { technologyId: string; technologyName: string; minLevel: number }[]
  allocation: number
  startDate: string
  endDate: string
  status: 'tentative' | 'confirmed'
  /** Whom an "Assign" in progress is making it an assignment of. */
  fillingWith: string | null
  version: number
}

export function toUnfilledRoleView(item: FormattedItem<typeof UnfilledRoleEntity>): UnfilledRoleView {
  return {
    id: item.id,
    clientId: item.clientId,
    clientName: item.clientName,
    projectId: item.projectId,
    projectName: item.projectName,
    role: item.role,
    practice: item.practice,
    requirements: item.requirements.map(({ technologyId, technologyName, minLevel }) => ({ technologyId, technologyName, minLevel })),
    allocation: item.allocation,
    startDate: item.startDate,
    endDate: item.endDate,
    status: item.status,
    fillingWith: item.fillToken ? (item.fillEmployeeName ?? 'someone') : null,
    version: item.version,
  }
}
