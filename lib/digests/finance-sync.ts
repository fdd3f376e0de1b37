import 'server-only'
import type { FormattedItem } from 'dynamodb-toolbox'
import { applyDigestEntries, type AssignmentEntity, type ProjectEntity } from '../db'
import { FinanceSetEntity, FinanceSummaryEntity, type FinanceEntry } from '../db/entities/digests'
import { financeShardOf, overviewKeys, writeDigestSummary } from '../db/overview-store'
import { budgetOf } from '../dto'
import { todayIso } from '../load/allocation'
import { projectFinanceEntry, summariseFinance } from '../money/finance'
import { readProjectWithAssignments } from '../reads'

// Keeping the finance digest (FINANCE#<shard>, by project) up to date: after anything that changes a
// project's money (its assignments' syncs and money copies, the project's own sync), its entry is
// derived from a consistent read of the project and its assignments, set, the shard's summary stored,
// and the project read again: if it changed meanwhile, round again, so the last change leaves its entry.

type ProjectItem = FormattedItem<typeof ProjectEntity>
type AssignmentItem = FormattedItem<typeof AssignmentEntity>

/** A project's entry from its item and its assignments' money copies (undefined when gone, or nothing to count). */
export function financeEntryOf(project: ProjectItem | null, assignments: AssignmentItem[], today: string): FinanceEntry | undefined {
  if (!project || project.deletingAt) return undefined
  const budget = budgetOf(project)
  return projectFinanceEntry(
    {
      clientId: project.clientId,
      name: project.name,
      clientName: project.clientName,
      status: project.status,
      pricing: project.pricing ?? 'time_and_materials',
      budgetKind: budget?.kind ?? null,
      budgetAmount: budget?.amount ?? null,
      startDate: project.startDate,
      endDate: project.endDate ?? null,
      work: assignments.flatMap((a) =>
        a.money ? [{ id: a.id, allocation: a.allocation, startDate: a.startDate, endDate: a.endDate ?? null, tentative: a.status === 'tentative', ...a.money }] : [],
      ),
    },
    today,
  )
}

/** Sets or removes entries in one shard and stores its summary as of `today`. */
export async function applyFinance(shard: number, changes: { entry: string; value: FinanceEntry | undefined }[], today: string): Promise<void> {
  const digest = overviewKeys.finance(shard)
  const set = await applyDigestEntries(FinanceSetEntity, { digest }, changes.map((change) => ({ map: 'projects', ...change })))
  await writeDigestSummary(FinanceSummaryEntity, digest, { rev: set.rev ?? 0, ...summariseFinance(set, today) })
}

export async function syncProjectFinance(clientId: string, projectId: string, options: { today?: string } = {}): Promise<void> {
  const today = options.today ?? todayIso()
  const read = async () => {
    const { project, assignments } = await readProjectWithAssignments(clientId, projectId)
    return financeEntryOf(project, assignments, today)
  }
  let entry = await read()
  for (let round = 0; round < 10; round++) {
    await applyFinance(financeShardOf(projectId), [{ entry: projectId, value: entry }], today)
    const now = await read()
    if (JSON.stringify(now) === JSON.stringify(entry)) return
    entry = now
  }
  throw new Error(`Project ${projectId} kept changing while its money was being brought up to date`)
}
