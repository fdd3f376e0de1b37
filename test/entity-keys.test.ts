import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { useTestDatabase } from './helpers/database'
import { anEmployee } from './helpers/fixtures'
import { getDb } from '../lib/db/client'
import { EmployeeEntity, UpdateItemCommand, markDeleting } from '../lib/db'

useTestDatabase()

async function rawEmployee(id: string) {
  const { documentClient, config } = getDb()
  const { Item } = await documentClient.send(new GetCommand({ TableName: config.tableName, Key: { PK: `EMP#${id}`, SK: 'EMP' }, ConsistentRead: true }))
  return Item!
}

describe('entities own their keys', () => {
  it('refuses an update that would move a composite key half-way, and writes nothing', async () => {
    const person = await anEmployee('Ada Lovelace')
    const before = await rawEmployee(person.id)
    // GSI6SK is practice#name#id: a new practice without the name cannot be keyed.
    await assert.rejects(
      EmployeeEntity.build(UpdateItemCommand).item({ id: person.id, practice: 'Data' }).send(),
      (error: Error) => /Cannot move GSI6SK/.test(error.message) && /without a value for name/.test(error.message),
    )
    assert.deepEqual(await rawEmployee(person.id), before)
  })

  it('moves every key an update carries all the parts of, and leaves the others', async () => {
    const person = await anEmployee('Grace Hopper')
    await EmployeeEntity.build(UpdateItemCommand).item({ id: person.id, title: 'Principal' }).send()
    const untouched = await rawEmployee(person.id)
    assert.equal(untouched.GSI5PK, 'PRACTICE#backend')
    assert.equal(untouched.GSI6SK, `backend#grace hopper#${person.id}`)
    await EmployeeEntity.build(UpdateItemCommand).item({ id: person.id, practice: 'Data', name: 'Grace M. Hopper' }).send()
    const moved = await rawEmployee(person.id)
    assert.equal(moved.GSI5PK, 'PRACTICE#data')
    assert.equal(moved.GSI6SK, `data#grace m. hopper#${person.id}`)
  })

  it('marking a delete moves the list and planner keys under DELETING# and keeps the first time', async () => {
    const person = await anEmployee('Alan Turing')
    const marked = await markDeleting(EmployeeEntity, { id: person.id }, '2026-01-01T00:00:00.000Z')
    assert.equal(marked?.deletingAt, '2026-01-01T00:00:00.000Z')
    const again = await markDeleting(EmployeeEntity, { id: person.id }, '2026-02-01T00:00:00.000Z')
    assert.equal(again?.deletingAt, '2026-01-01T00:00:00.000Z')
    const item = await rawEmployee(person.id)
    assert.deepEqual(
      [item.GSI3PK, item.GSI5PK, item.GSI6PK, item.GSI3SK],
      ['DELETING#EMPLOYEES', 'DELETING#PEOPLE', 'DELETING#PEOPLE', `alan turing#${person.id}`],
    )
    assert.equal(await markDeleting(EmployeeEntity, { id: 'nobody-here' }, '2026-01-01T00:00:00.000Z'), null)
  })
})
