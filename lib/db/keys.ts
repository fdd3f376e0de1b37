import { createHash } from 'node:crypto'
import { normalizeName } from '../text'

// The spelling of every key string. The entities (lib/db/entities) derive their keys from their
// attributes with these, and the read paths use the partition builders for their key conditions;
// nothing else builds a key.

/** Sort keys for lists: case-insensitive name order with the id as a tiebreaker. */
export function nameSortKey(name: string, id: string): string {
  return `${normalizeName(name)}#${id}`
}

export { normalizeName } from '../text'

export const partitions = {
  client: (clientId: string) => `CLIENT#${clientId}`,
  employee: (employeeId: string) => `EMP#${employeeId}`,
  technology: (technologyId: string) => `TECH#${technologyId}`,
  emailClaim: (email: string) => `EMAIL#${email.trim().toLowerCase()}`,
} as const

export const sortKeys = {
  client: 'CLIENT',
  project: (projectId: string) => `PROJECT#${projectId}`,
  /** Every edge of one project sorts after this prefix (and before `${prefix}~`). */
  projectEdges: (projectId: string) => `PROJECT#${projectId}#`,
  assignment: (projectId: string, assignmentId: string) => `PROJECT#${projectId}#ASSIGN#${assignmentId}`,
  stackEntry: (projectId: string, technologyId: string) => `PROJECT#${projectId}#TECH#${technologyId}`,
  /** An unfilled role (a placeholder): demand on the project until someone is assigned to it. */
  unfilledRole: (projectId: string, roleId: string) => `PROJECT#${projectId}#ROLE#${roleId}`,
  employee: 'EMP',
  skill: (technologyId: string) => `SKILL#${technologyId}`,
  technology: 'TECH',
  emailClaim: 'EMAIL',
} as const

export const indexKeys = {
  employeeSelf: '#EMP',
  assignmentByEmployee: (startDate: string, assignmentId: string) => `ASSIGN#${startDate}#${assignmentId}`,
  skillByEmployee: (technologyId: string) => `SKILL#${technologyId}`,
  // A technology's partition sorts SKILL#… < TECH < USE#…: the technology sits between its people
  // and its projects, so each of its two pages starts with it and is one Query.
  technologySelf: 'TECH',
  stackByTechnology: (clientId: string, projectId: string) => `USE#${clientId}#${projectId}`,
  /** Highest level first when read backwards; a minimum level is a key range (`skillLevelRange`). */
  skillByTechnology: (level: number, employeeId: string) => `SKILL#${level}#${employeeId}`,
  firmProject: (startDate: string, projectId: string) => `PROJECT#${startDate}#${projectId}`,
} as const

/** The technology's people page: the technology, then its skills from the highest level (read backwards). */
export const technologyPeopleRange = { between: ['SKILL#', 'TECH'] as [string, string] }
/** The technology's projects page: the technology, then its stack entries. */
export const technologyProjectsRange = { between: ['TECH', 'USE#~'] as [string, string] }

/** The range of a technology's skill sort keys at `minLevel` or above (levels are 1–5, one digit). */
export function skillLevelRange(minLevel: number): { between: [string, string] } {
  return { between: [`SKILL#${minLevel}#`, 'SKILL#9'] }
}

// The planner's keys: people by practice (GSI5) and by location, then practice (GSI6), so that each
// filter is a key condition. Free text is lower-cased, and '#' escaped so a value cannot reach into
// the next key part.
export function keyPart(value: string): string {
  return normalizeName(value).replaceAll('%', '%25').replaceAll('#', '%23')
}

export const peopleKeys = {
  /** Where a person's GSI5 and GSI6 keys point while they are being deleted (under `DELETING#`). */
  everyone: 'PEOPLE',
  practice: (practice: string) => `PRACTICE#${keyPart(practice)}`,
  byPractice: (name: string, id: string) => nameSortKey(name, id),
  location: (location: string) => `LOCATION#${keyPart(location)}`,
  byLocation: (practice: string, name: string, id: string) => `${keyPart(practice)}#${nameSortKey(name, id)}`,
  /** Within a location partition, everyone in one practice. */
  practiceInLocation: (practice: string) => `${keyPart(practice)}#`,
} as const

/** The firm's settings: one partition, read by GetItem only (the rate card). */
export const settingsKeys = { partition: 'SETTINGS', rateCard: 'RATECARD' } as const

export const FIRM_PARTITION = 'FIRM'

// Every project, by start date, in FIRM_SHARDS partitions (GSI4): a bulk import of projects spreads
// over them instead of queuing on one key. Only the overview's refresh reads them.
export const FIRM_SHARDS = 8

export function firmPartition(projectId: string): string {
  return `${FIRM_PARTITION}#${createHash('sha1').update(projectId).digest()[0] % FIRM_SHARDS}`
}

export const listPartitions = {
  clients: 'CLIENTS',
  employees: 'EMPLOYEES',
  technologies: 'TECHNOLOGIES',
} as const

export type ListPartition = (typeof listPartitions)[keyof typeof listPartitions]

/** Where an item goes while it is being deleted: off its list and the firm overview. */
export const deletingPartition = (partition: string) => `DELETING#${partition}`

// Jobs are spread over JOB_SHARDS partitions so that no one key takes every job write.
export const JOB_SHARDS = 8

export function jobPartition(shard: number): string {
  return `JOB#${shard}`
}

export function jobPartitionOf(kind: string, targetId: string): string {
  return jobPartition(createHash('sha1').update(`${kind}#${targetId}`).digest()[0] % JOB_SHARDS)
}

// Sign-in data (better-auth's users, accounts, sessions, verifications, API keys, rate limits): one
// partition per record, and one pointer partition per value of each looked-up field, so every
// lookup is a consistent read of the base table (lib/auth/dynamodb-adapter.ts).
export const authKeys = {
  record: (model: string, id: string) => `AUTH#${model}#${id}`,
  recordSort: 'AUTH',
  list: (model: string) => `AUTH#${model}`,
  pointer: (model: string, field: string, value: string) => `AUTHBY#${model}#${field}#${pointerValue(value)}`,
  signInFailures: (subject: string) => `AUTHFAIL#${pointerValue(subject)}`,
} as const

// Long values (tokens, hashed keys) become a digest so that no key passes DynamoDB's 2 KB limit.
function pointerValue(value: string): string {
  return value.length <= 200 ? value : `sha256:${createHash('sha256').update(value).digest('base64url')}`
}
