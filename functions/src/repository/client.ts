import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
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
