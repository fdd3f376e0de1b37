import { boolean, map, number, string } from 'dynamodb-toolbox'

// Key attributes every item carries; GSI keys are optional because each item type joins only the
// indexes it is read through (sparse indexes).
export const keyAttributes = {
  PK: string().key(),
  SK: string().key(),
  GSI1PK: string().optional(),
  GSI1SK: string().optional(),
  GSI2PK: string().optional(),
  GSI2SK: string().optional(),
  GSI3PK: string().optional(),
  GSI3SK: string().optional(),
  GSI4PK: string().optional(),
  GSI4SK: string().optional(),
}

export const timestamps = {
  created: { name: 'createdAt', savedAs: 'createdAt' },
  modified: { name: 'updatedAt', savedAs: 'updatedAt' },
} as const

// Stored in `_type` on every item. Never rename one once items exist.
export const entityNames = {
  client: 'Client',
  project: 'Project',
  assignment: 'Assignment',
  stackEntry: 'StackEntry',
  employee: 'Employee',
  skill: 'Skill',
  technology: 'Technology',
  emailClaim: 'EmailClaim',
  job: 'Job',
} as const

// One assignment, reduced to what allocation arithmetic needs.
export const bookingSchema = map({
  projectId: string(),
  start: string(),
  end: string().optional(),
  allocation: number(),
  tentative: boolean(),
})
