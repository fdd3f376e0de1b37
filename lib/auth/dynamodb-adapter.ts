import 'server-only'
import { createAdapterFactory, type CleanedWhere, type CustomAdapter } from '@better-auth/core/db/adapter'
import { APIError } from 'better-auth/api'
import { RETRY_AFTER_SECONDS, isAppError } from '../errors'
import {
  deleteAuthPointer,
  deleteAuthRecord,
  getAuthRecord,
  getAuthRecords,
  listAuthRecords,
  pointedIds,
  putAuthPointer,
  putAuthRecord,
  type AuthData,
  type StoredAuthRecord,
} from '../db/auth-store'

/*
 * better-auth's records on Roster's one table, with no transactions.
 *
 * - A record is one item (AUTH#<model>#<id>), written conditionally on its revision, so update,
 *   consume and increment are compare-and-swap: of two racing consumers of a verification token,
 *   exactly one gets it.
 * - Every field the schema marks unique, indexed or referencing another model has pointer items
 *   (AUTHBY#<model>#<field>#<value> -> id). Lookups by such a field (a session by token, a user by
 *   e-mail, the accounts of a user) read the pointers and then the records, both consistently.
 * - Pointers are written before the record and removed after it; a reader checks every record
 *   against the whole where clause, so a pointer left by a cut-off write is ignored, never trusted.
 * - A where clause with no usable pointer (an OR, a range, a case-insensitive match) reads the
 *   model's list in GSI3: eventually consistent, and only used by the admin's user list.
 */

const CAS_ATTEMPTS = 8

type FieldSpec = { name: string; lookup: boolean }

function lookupFieldsOf(schema: Record<string, { modelName?: string; fields: Record<string, { fieldName?: string; unique?: boolean; index?: boolean; references?: unknown }> }>) {
  const byModel = new Map<string, FieldSpec[]>()
  for (const [key, table] of Object.entries(schema)) {
    const fields = Object.entries(table.fields).map(([name, field]) => ({
      name: field.fieldName ?? name,
      lookup: Boolean(field.unique || field.index || field.references),
    }))
    byModel.set(table.modelName ?? key, fields)
  }
  return (model: string) => (byModel.get(model) ?? []).filter((field) => field.lookup).map((field) => field.name)
}

function pointerValueOf(value: unknown): string | null {
  if (typeof value === 'string') return `s:${value}`
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value === 'number' ? 'n' : 'b'}:${value}`
  return null
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value
}

function lower(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value
}

function matchesClause(record: AuthData, clause: CleanedWhere): boolean {
  const insensitive = clause.mode === 'insensitive'
  const norm = (value: unknown) => (insensitive ? lower(comparable(value)) : comparable(value))
  const actual = norm(record[clause.field])
  const value = Array.isArray(clause.value) ? (clause.value as unknown[]).map(norm) : norm(clause.value)
  switch (clause.operator) {
    case 'in':
      return Array.isArray(value) && value.includes(actual)
    case 'not_in':
      return Array.isArray(value) && !value.includes(actual)
    case 'contains':
      return typeof actual === 'string' && typeof value === 'string' && actual.includes(value)
    case 'starts_with':
      return typeof actual === 'string' && typeof value === 'string' && actual.startsWith(value)
    case 'ends_with':
      return typeof actual === 'string' && typeof value === 'string' && actual.endsWith(value)
    case 'ne':
      return actual !== value
    case 'gt':
      return value != null && actual != null && (actual as number) > (value as number)
    case 'gte':
      return value != null && actual != null && (actual as number) >= (value as number)
    case 'lt':
      return value != null && actual != null && (actual as number) < (value as number)
    case 'lte':
      return value != null && actual != null && (actual as number) <= (value as number)
    default:
      if (value === null) return actual == null
      return actual === value
  }
}

/** better-auth's where semantics: clauses combine left to right, each with its own connector. */
export function matchesWhere(record: AuthData, where: CleanedWhere[] | undefined): boolean {
  if (!where || where.length === 0) return true
  let result = matchesClause(record, where[0])
  for (const clause of where.slice(1)) {
    const clauseResult = matchesClause(record, clause)
    result = clause.connector === 'OR' ? result || clauseResult : result && clauseResult
  }
  return result
}

function compareValues(a: unknown, b: unknown): number {
  if (a == null && b == null) return 0
  if (a == null) return -1
  if (b == null) return 1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1
  return String(comparable(a)).localeCompare(String(comparable(b)))
}


export function dynamodbAdapter() {
  return createAdapterFactory({
    config: {
      adapterId: 'roster-dynamodb',
      adapterName: 'Roster DynamoDB adapter',
      usePlural: false,
      supportsNumericIds: false,
      supportsJSON: false,
      supportsDates: false,
      supportsBooleans: true,
      supportsArrays: false,
      transaction: false,
    },
    adapter: ({ schema, getDefaultFieldName }) => {
      const lookupFields = lookupFieldsOf(schema as never)

      // `select` names fields by their default names; records hold the configured (stored) names.
      function pick(model: string, data: AuthData, select: string[] | undefined): AuthData {
        if (!select || select.length === 0) return data
        return Object.fromEntries(Object.entries(data).filter(([key]) => select.includes(getDefaultFieldName({ model, field: key }))))
      }

      /** Records that might match: by id, by a pointer, or (no usable clause) the model's whole list. */
      async function candidates(model: string, where: CleanedWhere[] | undefined): Promise<StoredAuthRecord[]> {
        const clauses = where ?? []
        const allAnd = clauses.slice(1).every((clause) => clause.connector !== 'OR')
        if (allAnd) {
          const lookups = ['id', ...lookupFields(model)]
          for (const field of lookups) {
            const clause = clauses.find((c) => c.field === field && c.mode !== 'insensitive' && (c.operator === 'eq' || c.operator === 'in'))
            if (!clause) continue
            const values = (Array.isArray(clause.value) ? clause.value : [clause.value]) as unknown[]
            if (values.some((value) => pointerValueOf(value) === null)) continue
            if (field === 'id') return getAuthRecords(model, values.map(String))
            const ids = new Set<string>()
            for (const value of values) for (const id of await pointedIds(model, field, pointerValueOf(value)!)) ids.add(id)
            return getAuthRecords(model, [...ids])
          }
        }
        return listAuthRecords(model)
      }

      async function matching(model: string, where: CleanedWhere[] | undefined): Promise<StoredAuthRecord[]> {
        return (await candidates(model, where)).filter((record) => matchesWhere(record.data, where))
      }

      function pointersOf(model: string, data: AuthData): Map<string, string> {
        const pointers = new Map<string, string>()
        for (const field of lookupFields(model)) {
          const value = pointerValueOf(data[field])
          if (value !== null) pointers.set(field, value)
        }
        return pointers
      }

      async function writePointers(model: string, id: string, before: AuthData | null, after: AuthData) {
        const old = before ? pointersOf(model, before) : new Map<string, string>()
        for (const [field, value] of pointersOf(model, after)) if (old.get(field) !== value) await putAuthPointer(model, field, value, id)
      }

      async function removeStalePointers(model: string, id: string, before: AuthData, after: AuthData | null) {
        const now = after ? pointersOf(model, after) : new Map<string, string>()
        for (const [field, value] of pointersOf(model, before)) if (now.get(field) !== value) await deleteAuthPointer(model, field, value, id)
      }

      /**
       * Applies `change` to one record by compare-and-swap, re-reading on a lost race; `guard` is
       * re-checked on every attempt. Answers the new data, or null when the record is gone or no
       * longer matches.
       */
      async function swap(model: string, start: StoredAuthRecord, guard: CleanedWhere[] | undefined, change: (data: AuthData) => AuthData): Promise<AuthData | null> {
        let current: StoredAuthRecord | null = start
        for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
          if (!current || !matchesWhere(current.data, guard)) return null
          const next = change(current.data)
          await writePointers(model, current.id, current.data, next)
          if (await putAuthRecord(model, current.id, next, current.rev)) {
            await removeStalePointers(model, current.id, current.data, next)
            return next
          }
          current = await getAuthRecord(model, current.id)
        }
        throw new Error(`Too many concurrent writes to ${model} ${start.id}`)
      }

      /** Deletes one record if it still matches; answers its data, or null when another caller won. */
      async function remove(model: string, start: StoredAuthRecord, guard: CleanedWhere[] | undefined): Promise<AuthData | null> {
        let current: StoredAuthRecord | null = start
        for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
          if (!current || !matchesWhere(current.data, guard)) return null
          if (await deleteAuthRecord(model, current.id, current.rev)) {
            await removeStalePointers(model, current.id, current.data, null)
            return current.data
          }
          current = await getAuthRecord(model, current.id)
        }
        throw new Error(`Too many concurrent writes to ${model} ${start.id}`)
      }

      const methods: CustomAdapter = {
        async create({ model, data }) {
          const record = data as AuthData & { id: string }
          const id = String(record.id)
          await writePointers(model, id, null, record)
          if (!(await putAuthRecord(model, id, record, undefined))) throw new Error(`A ${model} with id ${id} already exists`)
          return data
        },
        async findOne({ model, where, select }) {
          const [first] = await matching(model, where)
          return (first ? pick(model, first.data, select) : null) as never
        },
        async findMany({ model, where, limit, select, sortBy, offset }) {
          let rows = (await matching(model, where)).map((record) => record.data)
          if (sortBy) {
            const direction = sortBy.direction === 'desc' ? -1 : 1
            rows = rows.sort((a, b) => direction * compareValues(a[sortBy.field], b[sortBy.field]))
          }
          rows = rows.slice(offset ?? 0)
          if (limit !== undefined) rows = rows.slice(0, limit)
          return rows.map((row) => pick(model, row, select)) as never
        },
        async count({ model, where }) {
          return (await matching(model, where)).length
        },
        async update({ model, where, update }) {
          if (where.length === 0) return null
          const [first] = await matching(model, where)
          if (!first) return null
          return (await swap(model, first, where, (data) => ({ ...data, ...(update as AuthData) }))) as never
        },
        async updateMany({ model, where, update }) {
          let count = 0
          for (const record of await matching(model, where)) {
            if (await swap(model, record, where, (data) => ({ ...data, ...update }))) count++
          }
          return count
        },
        async delete({ model, where }) {
          if (where.length === 0) return
          for (const record of await matching(model, where)) await remove(model, record, where)
        },
        async deleteMany({ model, where }) {
          let count = 0
          for (const record of await matching(model, where)) if (await remove(model, record, where)) count++
          return count
        },
        async consumeOne({ model, where }) {
          for (const record of await matching(model, where)) {
            const consumed = await remove(model, record, where)
            if (consumed) return consumed as never
          }
          return null
        },
        async incrementOne({ model, where, increment, set }) {
          for (const record of await matching(model, where)) {
            const next = await swap(model, record, where, (data) => {
              const changed: AuthData = { ...data }
              for (const [field, delta] of Object.entries(increment)) changed[field] = (typeof data[field] === 'number' ? (data[field] as number) : 0) + delta
              return { ...changed, ...(set ?? {}) }
            })
            if (next) return next as never
          }
          return null
        },
      }
      return answerBusyAsUnavailable(methods)
    },
  })
}

/**
 * The table busy or unreachable (after the SDK's retries) reaches better-auth as its own 503 with
 * Retry-After, so a sign-in under a throttle says "try again" instead of failing with a 500.
 */
function answerBusyAsUnavailable(methods: CustomAdapter): CustomAdapter {
  return Object.fromEntries(
    Object.entries(methods).map(([name, method]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await (method as (...args: unknown[]) => Promise<unknown>)(...args)
        } catch (error) {
          if (isAppError(error) && error.kind === 'unavailable') {
            throw new APIError('SERVICE_UNAVAILABLE', { message: error.message, code: 'DATABASE_BUSY' }, { 'Retry-After': String(RETRY_AFTER_SECONDS) })
          }
          throw error
        }
      },
    ]),
  ) as unknown as CustomAdapter
}
