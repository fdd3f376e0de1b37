import { createHash } from 'node:crypto'

// Key strings of the base table and the indexes. Items are written with these helpers; the seed and
// the mutations share them, so a key has one spelling.

/** Sort keys for lists: case-insensitive name order with the id as a tiebreaker. */
export function nameSortKey(name: string, id: string): string {
  return `${normalizeName(name)}#${id}`
}

export function normalizeName(name: string): string {
  return name.trim().toLocaleLowerCase('en')
}

export const keys = {
  client: (clientId: string) => ({ PK: `CLIENT#${clientId}`, SK: 'CLIENT' }),
  clientPartition: (clientId: string) => `CLIENT#${clientId}`,
  project: (clientId: string, projectId: string) => ({ PK: `CLIENT#${clientId}`, SK: `PROJECT#${projectId}` }),
  projectPrefix: (projectId: string) => `PROJECT#${projectId}`,
  assignment: (clientId: string, projectId: string, assignmentId: string) => ({
    PK: `CLIENT#${clientId}`,
    SK: `PROJECT#${projectId}#ASSIGN#${assignmentId}`,
  }),
  stackEntry: (clientId: string, projectId: string, technologyId: string) => ({
    PK: `CLIENT#${clientId}`,
    SK: `PROJECT#${projectId}#TECH#${technologyId}`,
  }),
  employee: (employeeId: string) => ({ PK: `EMP#${employeeId}`, SK: 'EMP' }),
  employeePartition: (employeeId: string) => `EMP#${employeeId}`,
  skill: (employeeId: string, technologyId: string) => ({ PK: `EMP#${employeeId}`, SK: `SKILL#${technologyId}` }),
  technology: (technologyId: string) => ({ PK: `TECH#${technologyId}`, SK: 'TECH' }),
  technologyPartition: (technologyId: string) => `TECH#${technologyId}`,
  emailClaim: (email: string) => ({ PK: `EMAIL#${email.trim().toLowerCase()}`, SK: 'EMAIL' }),
  // Jobs are spread over JOB_SHARDS partitions so that no one key takes every job write.
  job: (kind: string, targetId: string) => ({ PK: jobPartition(jobShardOf(`${kind}#${targetId}`)), SK: `${kind}#${targetId}` }),
} as const

export const FIRM_PARTITION = 'FIRM'

export const listPartitions = {
  clients: 'CLIENTS',
  employees: 'EMPLOYEES',
  technologies: 'TECHNOLOGIES',
} as const

export type ListPartition = (typeof listPartitions)[keyof typeof listPartitions]

export const gsiKeys = {
  employeeSelf: (employeeId: string) => ({ GSI1PK: `EMP#${employeeId}`, GSI1SK: '#EMP' }),
  assignmentByEmployee: (employeeId: string, startDate: string, assignmentId: string) => ({
    GSI1PK: `EMP#${employeeId}`,
    GSI1SK: `ASSIGN#${startDate}#${assignmentId}`,
  }),
  skillByEmployee: (employeeId: string, technologyId: string) => ({ GSI1PK: `EMP#${employeeId}`, GSI1SK: `SKILL#${technologyId}` }),
  technologySelf: (technologyId: string) => ({ GSI2PK: `TECH#${technologyId}`, GSI2SK: '#TECH' }),
  stackByTechnology: (technologyId: string, clientId: string, projectId: string) => ({
    GSI2PK: `TECH#${technologyId}`,
    GSI2SK: `PROJECT#${clientId}#${projectId}`,
  }),
  skillByTechnology: (technologyId: string, employeeId: string) => ({ GSI2PK: `TECH#${technologyId}`, GSI2SK: `SKILL#${employeeId}` }),
  listEntry: (partition: ListPartition, sortKey: string) => ({ GSI3PK: partition, GSI3SK: sortKey }),
  // GSI4 holds one partition, FIRM: every employee and project, projected down to what the firm
  // overview reads, so that screen is one Query of small index items.
  firmEmployee: (employeeId: string) => ({ GSI4PK: FIRM_PARTITION, GSI4SK: `EMP#${employeeId}` }),
  firmProject: (startDate: string, projectId: string) => ({ GSI4PK: FIRM_PARTITION, GSI4SK: `PROJECT#${startDate}#${projectId}` }),
} as const

export const JOB_SHARDS = 8

export function jobPartition(shard: number): string {
  return `JOB#${shard}`
}

function jobShardOf(jobId: string): number {
  return createHash('sha1').update(jobId).digest()[0] % JOB_SHARDS
}
