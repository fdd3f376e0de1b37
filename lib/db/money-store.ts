import 'server-only'
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { FormattedValue } from 'dynamodb-toolbox'
import { getDb } from './client'
import { isConditionalCheckFailed } from './errors'
import { formatAs, keyOf } from './aggregates'
import { batchGetItems } from './batch'
import { FinanceSummaryEntity } from './entities/digests'
import { AssignmentEntity, moneyCopySchema } from './entities/assignment'
import { GetItemCommand } from 'dynamodb-toolbox'
import { RateCardEntity } from './entities/rate-card'

export type MoneyCopy = FormattedValue<typeof moneyCopySchema>

/**
 * Stores an assignment's money copy, if the assignment is still at `assignmentVersion` and the copy
 * held was made from no newer project, person or rate card (each stamp only moves forward). A false
 * answer means someone else got there: read the sources again and retry.
 */
export async function writeMoneyCopy(key: { clientId: string; projectId: string; id: string }, copy: MoneyCopy, assignmentVersion: number): Promise<boolean> {
  const { documentClient, config } = getDb()
  const stamps = ['projectVersion', 'employeeVersion', 'employeeRev', 'cardVersion'] as const
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: keyOf(AssignmentEntity, key),
        UpdateExpression: 'SET #money = :money',
        ConditionExpression: `#type = :type AND #version = :version AND (attribute_not_exists(#money) OR (${stamps.map((stamp) => `#money.#${stamp} <= :${stamp}`).join(' AND ')}))`,
        ExpressionAttributeNames: { '#type': '_type', '#version': 'version', '#money': 'money', ...Object.fromEntries(stamps.map((stamp) => [`#${stamp}`, stamp])) },
        ExpressionAttributeValues: { ':type': AssignmentEntity.entityName, ':version': assignmentVersion, ':money': copy, ...Object.fromEntries(stamps.map((stamp) => [`:${stamp}`, copy[stamp]])) },
      }),
    )
    return true
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false
    throw error
  }
}

/** The firm's rate card, read consistently (null before anyone has set one). */
export async function readRateCard() {
  const { Item } = await RateCardEntity.build(GetItemCommand).key({}).options({ consistent: true }).send()
  return Item ?? null
}

/** The attributes that hold money, on any item: left out of what a reader without 'see-money' receives (the Under-the-hood panel's items). */
export const moneyAttributes = ['budget', 'budgetAmount', 'budgetKind', 'rates', 'rateOverride', 'money', 'costRate'] as const

/** An item as a reader who may not see money receives it. */
export function withoutMoney(item: Record<string, unknown>): Record<string, unknown> {
  const kept = { ...item }
  for (const attribute of moneyAttributes) delete kept[attribute]
  return kept
}

/** `/finance` in one BatchGetItem: the finance digests' summaries and the firm's rate card. */
export async function readFinanceScreen(digests: string[]) {
  const cardKey = keyOf(RateCardEntity, {})
  const found = await batchGetItems([...digests.map((digest) => keyOf(FinanceSummaryEntity, { digest })), cardKey])
  const card = found.find((item) => item.PK === cardKey.PK && item.SK === cardKey.SK)
  return {
    summaries: found.filter((item) => item !== card).map((item) => formatAs(FinanceSummaryEntity, item)),
    card: card ? formatAs(RateCardEntity, card) : null,
  }
}
