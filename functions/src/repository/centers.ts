import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb'
import type { Center } from '@gjj/shared/api/system'
import { db, queryAll, table } from './client'
import type { StoredItem } from './transaction'

/**
 * 公积金中心. Keys: pk CENTER#<code>, sk PROFILE; listed through gsi1 (gsi1pk CENTERS, gsi1sk <code>).
 */
export interface CenterItem extends Center {
  /** where the 新闻动态 tab and outlets come from */
  region: string
  /**
   * the center's own withdrawal policy over the default (kinds opened, limits, 档案分类, 须知), as
   * stored; services/withdrawals parses it
   */
  policy?: Record<string, unknown>
}

export const centerKey = (code: string) => ({ pk: `CENTER#${code}`, sk: 'PROFILE' })
/** every center is listed in gsi1 under one partition */
const CENTERS = 'CENTERS'
const centerIndexKey = (code: string) => ({ gsi1pk: CENTERS, gsi1sk: code })

export async function listCenters(): Promise<CenterItem[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': CENTERS },
  })
  return items.map(centerFromItem)
}

export async function putCenters(centers: CenterItem[]): Promise<void> {
  for (let i = 0; i < centers.length; i += 25) {
    const chunk = centers.slice(i, i + 25)
    await db.send(
      new BatchWriteCommand({
        RequestItems: {
          [table]: chunk.map((c) => ({
            PutRequest: {
              Item: { ...centerKey(c.code), ...centerIndexKey(c.code), entity: 'Center', version: 1, ...c },
            },
          })),
        },
      }),
    )
  }
}

export function centerFromItem(item: StoredItem): CenterItem {
  return {
    code: item.code as string,
    name: item.name as string,
    shortName: item.shortName as string,
    hotline: item.hotline as string,
    region: item.region as string,
    ...(item.website ? { website: item.website as string } : {}),
    ...(item.policy && typeof item.policy === 'object' ? { policy: item.policy as Record<string, unknown> } : {}),
  }
}

export async function getCenter(code: string): Promise<CenterItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: centerKey(code) }))
  return out.Item ? centerFromItem(out.Item) : undefined
}
