import { Entity, item, list, map, number, record, string } from 'dynamodb-toolbox'
import { RosterTable } from '../table'
import { jobPartitionOf, partitions, sortKeys } from '../keys'
import { entityNames, timestamps } from './common'

const claimAttributes = item({ email: string().key(), employeeId: string() })

// Claims an e-mail address for one employee: a conditional put on this item is the uniqueness check.
export const EmailClaimEntity = new Entity({
  name: entityNames.emailClaim,
  table: RosterTable,
  timestamps,
  schema: claimAttributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ email }) => partitions.emailClaim(email)),
    SK: string().key().link<typeof schema>(() => sortKeys.emailClaim),
  })),
})

const jobAttributes = item({
  kind: string().key(),
  targetId: string().key(),
  params: record(string(), string()).optional(),
  leaseOwner: string().optional(),
  leaseUntil: number().optional(),
  attempts: number().optional(),
  nextRunAt: number().optional(),
  lastError: string().optional(),
  progress: map({ done: number(), total: number() }).optional(),
  // Edges a sweep is removing right now (lib/edges/journal.ts): re-synchronised on resume.
  pending: list(string()).optional(),
})

// Work that spans items (an edge and the aggregates it feeds, a delete, a rename). Written before the
// first item is touched and removed after the last, so work cut off halfway is found and finished
// (lib/jobs). leaseOwner/leaseUntil keep two app instances from running it at once.
export const JobEntity = new Entity({
  name: entityNames.job,
  table: RosterTable,
  timestamps,
  schema: jobAttributes.and((schema) => ({
    PK: string().key().link<typeof schema>(({ kind, targetId }) => jobPartitionOf(kind, targetId)),
    SK: string().key().link<typeof schema>(({ kind, targetId }) => `${kind}#${targetId}`),
  })),
})
