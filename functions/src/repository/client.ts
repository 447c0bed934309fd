import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb'
import { config } from '../lib/config'
import { encodeCursor } from './paging'

/** The only DynamoDB client. Only files under repository/ import the DynamoDB SDK. */
export const dynamo = new DynamoDBClient({
  region: config.region,
  ...(config.dynamodbEndpoint ? { endpoint: config.dynamodbEndpoint } : {}),
  maxAttempts: 3,
})

export const db = DynamoDBDocumentClient.from(dynamo, {
  marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
})

export const table = config.tableName

/** every item a query matches, reading on past DynamoDB's 1 MB pages */
export async function queryAll(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await db.send(new QueryCommand({ ...input, TableName: table, ExclusiveStartKey }))
    items.push(...(page.Items ?? []))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

/** one page of a query, newest first, from where a cursor left off (`start`), with the next page's cursor */
export async function queryPage(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'ScanIndexForward'>,
  start: Record<string, unknown> | undefined,
): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
  const out = await db.send(
    new QueryCommand({ ...input, TableName: table, ScanIndexForward: false, ExclusiveStartKey: start }),
  )
  return { items: out.Items ?? [], nextCursor: encodeCursor(out.LastEvaluatedKey) }
}

/**
 * Items by key, strongly consistent, in one BatchGetItem (up to 100 distinct keys): the items found,
 * in no particular order. Keys DynamoDB leaves unprocessed (throttling) are asked again, so a
 * missing item really is missing.
 */
export async function getItems(keys: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()]
  if (unique.length > 100) throw new Error('getItems: at most 100 keys')
  const items: Record<string, unknown>[] = []
  let left: Record<string, unknown>[] | undefined = unique
  for (let round = 0; left?.length; round++) {
    if (round === 5) throw new Error(`BatchGetItem left ${left.length} keys unread`)
    if (round > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** round))
    const out: BatchGetCommandOutput = await db.send(
      new BatchGetCommand({ RequestItems: { [table]: { Keys: left, ConsistentRead: true } } }),
    )
    items.push(...(out.Responses?.[table] ?? []))
    left = out.UnprocessedKeys?.[table]?.Keys
  }
  return items
}
