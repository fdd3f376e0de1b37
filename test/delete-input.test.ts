import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useTestDatabase } from './helpers/database'
import { deleteClient } from '../lib/clients/mutations'
import { deleteEmployee } from '../lib/employees/mutations'
import { deleteProject } from '../lib/projects/mutations'
import { deleteTechnology } from '../lib/technologies/mutations'
import { AppError } from '../lib/errors'
import { manager } from './helpers/actors'

useTestDatabase()

const invalid = (code: string, fields: string[]) => (error: AppError) =>
  error.code === code && fields.every((field) => (error.fields?.[field]?.length ?? 0) > 0)

describe('deletes parse their input like every other mutation', () => {
  it('answers malformed ids with the field that is wrong', async () => {
    await assert.rejects(deleteClient(manager, { clientId: 'Not an id!' }), invalid('invalid:client', ['clientId']))
    await assert.rejects(deleteProject(manager, { clientId: 'acme' }), invalid('invalid:project', ['projectId']))
    await assert.rejects(deleteEmployee(manager, {}), invalid('invalid:employee', ['employeeId']))
    await assert.rejects(deleteTechnology(manager, 'typescript'), (error: AppError) => error.code === 'invalid:technology')
  })

  it('answers a well-formed id that names nothing with not found', async () => {
    await assert.rejects(deleteTechnology(manager, { technologyId: 'no-such-technology' }), (error: AppError) => error.code === 'not_found:technology')
    await assert.rejects(deleteProject(manager, { clientId: 'acme', projectId: 'missing' }), (error: AppError) => error.code === 'not_found:project')
  })
})
