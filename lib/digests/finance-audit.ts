import 'server-only'
import { AssignmentEntity, ProjectEntity, storedOf, type StoredItem } from '../db'
import { FinanceSetEntity, FinanceSummaryEntity, type FinanceEntry } from '../db/entities/digests'
import { financeDigests, financeShardOf, overviewKeys } from '../db/overview-store'
import { summariseFinance } from '../money/finance'
import { financeEntryOf } from './finance-sync'
import { canonical } from './capacity-audit'

/** Differences between the stored finance digests and a from-scratch recompute from the projects and assignments in `items`: empty when they agree. */
export function auditFinance(items: StoredItem[], today: string): string[] {
  const problems: string[] = []
  const projects = storedOf(items, ProjectEntity)
  const assignments = storedOf(items, AssignmentEntity)
  problems.push(...projects.unreadable, ...assignments.unreadable)
  const wanted = new Map<string, Record<string, FinanceEntry>>(financeDigests.map((digest) => [digest, {}]))
  for (const project of projects.items) {
    const entry = financeEntryOf(project, assignments.items.filter((a) => a.clientId === project.clientId && a.projectId === project.id), today)
    if (entry) wanted.get(overviewKeys.finance(financeShardOf(project.id)))![project.id] = entry
  }
  const ofDigest = (sortKey: 'SET' | 'SUMMARY') => items.filter((item) => item.SK === sortKey && financeDigests.includes(item.PK))
  const sets = storedOf(ofDigest('SET'), FinanceSetEntity)
  const summaries = storedOf(ofDigest('SUMMARY'), FinanceSummaryEntity)
  problems.push(...sets.unreadable, ...summaries.unreadable)
  for (const digest of financeDigests) {
    const set = sets.items.find((item) => item.digest === digest)
    const want = wanted.get(digest)!
    if (canonical(set?.projects ?? {}) !== canonical(want)) problems.push(`finance ${digest} entries are ${canonical(set?.projects ?? {})}, recomputed ${canonical(want)}`)
    if (!set) continue
    const derived = summariseFinance({ projects: want }, today)
    const stored = summaries.items.find((item) => item.digest === digest)
    const actual = { from: stored?.from, months: stored?.months, risks: stored?.risks }
    if (canonical(actual) !== canonical(derived)) problems.push(`finance ${digest} summary is ${canonical(actual)}, derived ${canonical(derived)}`)
  }
  return problems
}
