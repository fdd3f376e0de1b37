import 'server-only'
import { GetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb'
import { randomBytes } from 'node:crypto'
import { isConditionalCheckFailed } from './errors'

// DynamoDB can apply a write and still fail the request (a 500, a dropped connection, a timeout);
// the SDK then sends it again. A retried conditional write meets its own first attempt and fails its
// own condition, and a retried update applies twice (an ADD counts twice). This middleware sits
// above the SDK's retries and gives every PutItem and UpdateItem a write token:
// - the item carries the token of the write that last wrote it (`_wt`);
// - the write is conditional on the item not carrying this token already, so a retry of a write that
//   was applied is never applied again;
// - when a retried write fails its condition and the item carried this write's token at that moment
//   (AWS returns it with the failure; a write with no other condition can fail on nothing else; else
//   the item is read consistently), the write was applied by an earlier attempt and it answers as
//   the success it was.
// A retried conditional DeleteItem that fails its condition and finds the item gone counts as its
// own delete. A write whose first attempt is overwritten by someone else before its retry lands
// (seconds apart, on one item) answers with the genuine condition failure: that race is left.

export const WRITE_TOKEN_ATTRIBUTE = '_wt'

type Middleware = (next: (args: { input: unknown }) => Promise<{ output: unknown }>, context: { commandName?: string }) => (args: { input: unknown }) => Promise<{ output: unknown }>

type WriteInput = Record<string, unknown> & {
  Key?: Record<string, unknown>
  Item?: Record<string, unknown>
  TableName?: string
  ConditionExpression?: string
  UpdateExpression?: string
  ExpressionAttributeNames?: Record<string, string>
  ExpressionAttributeValues?: Record<string, unknown>
  ReturnValues?: string
}

const tokenName = '#rosterWt'
const tokenValue = ':rosterWt'

/** The update expression with `#rosterWt = :rosterWt` added to its SET clause (there may be only one). */
export function withTokenInUpdate(expression: string | undefined): string {
  const set = /(^|\s)SET\s/i.exec(expression ?? '')
  if (!expression?.trim()) return `SET ${tokenName} = ${tokenValue}`
  if (!set) return `SET ${tokenName} = ${tokenValue} ${expression}`
  const at = set.index + set[0].length
  return `${expression.slice(0, at)}${tokenName} = ${tokenValue}, ${expression.slice(at)}`
}

function tokenise(command: string, input: WriteInput, token: string): WriteInput {
  const key = input.Key ?? input.Item ?? {}
  const raw = typeof key.PK === 'object'
  const value = raw ? { S: token } : token
  const notMine = `(attribute_not_exists(${tokenName}) OR ${tokenName} <> ${tokenValue})`
  return {
    ...input,
    ...(command === 'PutItemCommand' ? { Item: { ...input.Item, [WRITE_TOKEN_ATTRIBUTE]: value } } : { UpdateExpression: withTokenInUpdate(input.UpdateExpression) }),
    ConditionExpression: input.ConditionExpression ? `(${input.ConditionExpression}) AND ${notMine}` : notMine,
    ExpressionAttributeNames: { ...input.ExpressionAttributeNames, [tokenName]: WRITE_TOKEN_ATTRIBUTE },
    ExpressionAttributeValues: { ...input.ExpressionAttributeValues, [tokenValue]: value },
  }
}

function keyOf(command: string, input: WriteInput): Record<string, AttributeValue> {
  const source = command === 'PutItemCommand' ? { PK: input.Item?.PK, SK: input.Item?.SK } : { PK: input.Key?.PK, SK: input.Key?.SK }
  return typeof source.PK === 'object' ? (source as Record<string, AttributeValue>) : marshall(source)
}

const retried = (error: unknown) => ((error as { $metadata?: { attempts?: number } })?.$metadata?.attempts ?? 1) > 1

/** SDK middleware (initialize step, outside the retries) that makes every write recognise its own success. */
export function recogniseOwnWrites(client: DynamoDBClient): Middleware {
  const readConsistently = async (input: WriteInput, command: string) => {
    const { Item } = await client.send(new GetItemCommand({ TableName: input.TableName, Key: keyOf(command, input), ConsistentRead: true }))
    return Item ?? null
  }
  const middleware: Middleware = (next, context) => async (args) => {
    const command = context.commandName ?? ''
    const input = args.input as WriteInput
    if (command === 'DeleteItemCommand') {
      try {
        return await next(args)
      } catch (error) {
        if (!isConditionalCheckFailed(error) || !retried(error) || (await readConsistently(input, command))) throw error
        const attributes = input.ReturnValues === 'ALL_OLD' ? { Attributes: typeof input.Key?.PK === 'object' ? input.Key : { ...input.Key } } : {}
        return { output: { $metadata: (error as { $metadata?: object }).$metadata ?? {}, ...attributes } }
      }
    }
    if (command !== 'PutItemCommand' && command !== 'UpdateItemCommand') return next(args)
    const token = randomBytes(12).toString('base64url')
    const tokenised = { ...tokenise(command, input, token), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }
    try {
      return await next({ ...args, input: tokenised })
    } catch (error) {
      if (!isConditionalCheckFailed(error) || !retried(error)) throw error
      if (!(await appliedEarlier(error, input, command, token))) throw error
      const raw = typeof (input.Key ?? input.Item)?.PK === 'object'
      const wantsItem = command === 'UpdateItemCommand' && input.ReturnValues && input.ReturnValues !== 'NONE'
      // Applied by an earlier attempt: the item as it is now stands in for what that attempt returned.
      const item = wantsItem ? await readConsistently(input, command) : null
      const attributes = item ? { Attributes: raw ? item : unmarshall(item) } : {}
      return { output: { $metadata: (error as { $metadata?: object }).$metadata ?? {}, ...attributes } }
    }
  }

  /**
   * Whether a retried write that failed its condition had been applied by an earlier attempt. AWS
   * returns the item as it was at the failed check (ReturnValuesOnConditionCheckFailure): exact. A
   * write with no condition of its own can only have failed on its token. Otherwise (an engine that
   * ignores ReturnValuesOnConditionCheckFailure) the item is read consistently.
   */
  async function appliedEarlier(error: unknown, input: WriteInput, command: string, token: string): Promise<boolean> {
    const old = (error as { Item?: Record<string, unknown> }).Item
    if (old) return tokenOf(old) === token
    if (!input.ConditionExpression) return true
    const item = await readConsistently(input, command)
    return Boolean(item) && tokenOf(item!) === token
  }

  return middleware
}

function tokenOf(item: Record<string, unknown>): unknown {
  const value = item[WRITE_TOKEN_ATTRIBUTE] as { S?: string } | string | undefined
  return typeof value === 'object' ? value?.S : value
}
