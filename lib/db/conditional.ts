import 'server-only'
import { $add, UpdateItemCommand, type Condition, type Entity, type FormattedItem, type UpdateItemInput } from 'dynamodb-toolbox'
import { AppError, notFound, staleSave } from '../errors'
import { isConditionalCheckFailed } from './errors'

// The two conditional writes every editable item goes through.

/**
 * A create that never overwrites (`put` carries `attribute_not_exists(PK)`). Meeting an item that the
 * same idempotency key made (a double submit, a retried request) is a replay, answered like the
 * first; meeting any other item is `conflict`.
 */
export async function createOnce(
  put: () => Promise<unknown>,
  existing: () => Promise<{ idempotencyKey?: string } | null>,
  idempotencyKey: string | undefined,
  conflict: () => AppError,
): Promise<'created' | 'replayed'> {
  try {
    await put()
    return 'created'
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error
  }
  const found = await existing()
  if (found && idempotencyKey && found.idempotencyKey === idempotencyKey) return 'replayed'
  throw conflict()
}

/**
 * A save conditional on the version the user loaded (and on the item not being deleted). When the
 * condition fails, the item is read again: gone is not-found, changed is conflict:stale with its
 * current values.
 */
export async function saveIfUnchanged<T, Item extends { deletingAt?: string }>(options: {
  update: () => Promise<T>
  reread: () => Promise<Item | null>
  subject: string
  id: string
  toView: (item: Item) => object
}): Promise<T> {
  try {
    return await options.update()
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error
  }
  const now = await options.reread()
  if (!now || now.deletingAt) throw notFound(options.subject, options.id)
  throw staleSave(options.subject, options.toView(now))
}

/**
 * Writes an update of an editable item as its next version, conditional on the stored version still
 * being `version` and the item not being deleted; returns the item as saved. Run it through
 * saveIfUnchanged, which answers a failed condition.
 */
export async function updateVersion<E extends Entity>(entity: E, item: UpdateItemInput<E>, version: number): Promise<FormattedItem<E>> {
  // Every entity saved here has `version` and `deletingAt` (the editable attributes); generic code cannot see them.
  const next = Object.assign({}, item, { version: $add(1) }) as UpdateItemInput<E>
  const condition = { and: [{ attr: 'version', eq: version }, { attr: 'deletingAt', exists: false }] } as Condition<E>
  const { Attributes } = await entity.build(UpdateItemCommand).item(next).options({ condition, returnValues: 'ALL_NEW' }).send()
  // A successful update with ALL_NEW always returns the item.
  return Attributes as FormattedItem<E>
}
