import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { OutletKind, OutletService } from '@gjj/shared/api/outlet'
import type { WeeklyHours } from '@gjj/shared/info/hours'
import type { Tx } from './audit'
import { db, table } from './client'
import { writeGuarded } from './transaction'

/**
 * 服务网点: pk OUTLETS#<center>, sk OUTLET#<id>. A center's outlets are one partition, so the list
 * (public and staff) is ONE Query and a detail one GetItem. A center has a handful of outlets: far
 * below the 1 MB a Query page holds.
 */
export interface OutletItem {
  id: string
  centerCode: string
  name: string
  kind: OutletKind
  address: string
  phone: string
  hours: WeeklyHours
  services: OutletService[]
  /** GCJ-02 */
  latitude: number
  longitude: number
  directions: string | null
  updatedAt: string
  updatedBy: string
  version: number
}

const outletKey = (center: string, id: string) => ({ pk: `OUTLETS#${center}`, sk: `OUTLET#${id}` })

const strip = (item: Record<string, unknown>) => {
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = item
  return rest as unknown as OutletItem
}

export async function listOutlets(center: string): Promise<OutletItem[]> {
  const items: OutletItem[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': `OUTLETS#${center}`, ':sk': 'OUTLET#' },
        ExclusiveStartKey,
      }),
    )
    for (const item of out.Items ?? []) items.push(strip(item))
    ExclusiveStartKey = out.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

export async function getOutlet(center: string, id: string): Promise<OutletItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: outletKey(center, id) }))
  return out.Item ? strip(out.Item) : undefined
}

/**
 * Writes an outlet with its audit entry: new (`expectedVersion` null: must not exist) or a change
 * of the stored `expectedVersion`. 'conflict' when that condition fails.
 */
export async function putOutlet(o: OutletItem, expectedVersion: number | null, audit: Tx): Promise<'ok' | 'conflict'> {
  const condition =
    expectedVersion === null
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } }
  return writeGuarded([
    { Put: { TableName: table, Item: { ...outletKey(o.centerCode, o.id), entity: 'Outlet', ...o }, ...condition } },
    audit,
  ])
}

/** removes an outlet with its audit entry; 'conflict' when it is not there */
export async function deleteOutlet(center: string, id: string, audit: Tx): Promise<'ok' | 'conflict'> {
  return writeGuarded([
    { Delete: { TableName: table, Key: outletKey(center, id), ConditionExpression: 'attribute_exists(pk)' } },
    audit,
  ])
}

/** seeding: outlets written without audit (demo data) */
export async function putOutlets(outlets: OutletItem[]): Promise<void> {
  for (const o of outlets) {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { ...outletKey(o.centerCode, o.id), entity: 'Outlet', ...o } } },
        ],
      }),
    )
  }
}
