import 'server-only'
import { isEntityId } from '../validation'
import { authorize, can, type Actor } from '../authorization'
import { todayIso } from '../load/allocation'
import { firmCurrency } from '../money/currency'
import { clientMoney, type ClientMoney } from './figures'
import { ClientEntity, GetItemCommand, QueryCommand, RosterTable, listPartitions, cachedScreen, nameAccessPattern } from '../db'
import { toClientSummary, type ClientSummary, type ProjectDetail } from '../dto'
import { assembleProjects, queryClientPartition } from './partition'
import { listQueryParams, nextCursorOf } from '../lists/list-query'
import type { ListQueryInput, Page } from '../lists/schemas'

export interface ClientDashboard {
  client: ClientSummary
  projects: ProjectDetail[]
  /** The server's day the dashboard was read for: what is current and what has ended is split by it. */
  today: string
  /** For those who see money only: the next four weeks' billings, costs and margin, and projects that will overrun. */
  money?: ClientMoney
}

/**
 * Access pattern 1: the client, its projects and every project's assignments and stack entries,
 * all in partition CLIENT#<id>: one Query. A client being deleted is not found.
 */
export async function getClientDashboard(actor: Actor | null, { clientId }: { clientId: string }): Promise<ClientDashboard | null> {
  authorize(actor, 'read')
  if (!isEntityId(clientId)) return null
  const money = can(actor, 'see-money')
  const today = todayIso()
  // Money figures run to today: the day is part of what was read.
  return cachedScreen({ screen: 'client', role: actor.role, args: [clientId, today] }, async () => {
    nameAccessPattern('Client dashboard')
    const items = await queryClientPartition(clientId)
    const clientItem = items.find((item) => item.entity === 'Client')
    if (!clientItem || clientItem.entity !== 'Client' || clientItem.deletingAt) return null
    const projects = assembleProjects(items, { money, today })
    return { client: toClientSummary(clientItem), projects, today, ...(money ? { money: clientMoney(projects, today, firmCurrency()) } : {}) }
  })
}

/** One consistent GetItem: the client alone, for its edit form (the version it loads is what a save is checked against). */
export async function getClient(actor: Actor | null, { clientId }: { clientId: string }): Promise<ClientSummary | null> {
  authorize(actor, 'read')
  if (!isEntityId(clientId)) return null
  const { Item } = await ClientEntity.build(GetItemCommand).key({ id: clientId }).options({ consistent: true }).send()
  return Item && !Item.deletingAt ? toClientSummary(Item) : null
}

/** Access pattern 5: clients by name, prefix search, cursor pagination; one Query on GSI3. */
export async function listClients(actor: Actor | null, input: ListQueryInput & { status?: 'active' | 'archived' }): Promise<Page<ClientSummary>> {
  authorize(actor, 'read')
  nameAccessPattern('Client list')
  const { query, options } = listQueryParams(listPartitions.clients, input)
  const { Items = [], LastEvaluatedKey } = await RosterTable.build(QueryCommand)
    .entities(ClientEntity)
    .query(query)
    .options({
      ...options,
      entityAttrFilter: false,
      ...(input.status ? { filters: { Client: { attr: 'status', eq: input.status } } } : {}),
    })
    .send()
  return { items: Items.map(toClientSummary), nextCursor: nextCursorOf(LastEvaluatedKey) }
}
