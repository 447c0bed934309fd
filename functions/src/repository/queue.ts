import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { ApplicationKind } from '@gjj/shared/catalog'
import type { ApplicationState } from '@gjj/shared/workflow'
import type { ApplicationItem } from './applications'
import { db, table } from './client'
import { decodeCursor, encodeCursor } from './paging'
import { plain, type StoredItem, type TxItem, type Write } from './transaction'

/**
 * The review queue (审批): a set of items per center and status, pk CENTERAPPS#<center>#<status>,
 * sk <submittedAt instant>#<id>. An application is in its center's queue under its status from
 * its first submit on; every workflow step moves the entry in the same transaction (workflow.ts).
 */
export interface QueueEntry {
  id: string
  kind: ApplicationKind
  status: ApplicationState
  amountFen: number | null
  depositorName: string
  idNumberMasked: string
  accountNo: string
  submittedAt: string
}

/** the states a center lists: an application is queued once submitted, until it ends */
export const QUEUED_STATES = ['submitted', 'approved', 'returned'] as const satisfies readonly ApplicationState[]
export type QueuedState = (typeof QUEUED_STATES)[number]

/**
 * How many applications a center has in each queued state (the console's 待审批 12 · 已退回 3 ·
 * 审批通过 240): counters moved in the same transaction as the entries, so they are exact. A
 * center's counters are spread over COUNT_SHARDS items (shard = the application id's last
 * character), so two reviewers deciding different applications at once seldom touch the same item
 * (a transaction conflicts with another in flight on the same item); one Query reads them all.
 */
const COUNT_SHARDS = 8
const countsPartition = (centerCode: string) => `CENTERAPPS#${centerCode}#COUNTS`
export const queueCountKey = (centerCode: string, shard: number) => ({
  pk: countsPartition(centerCode),
  sk: `SHARD#${shard}`,
})
const shardOf = (id: string) => id.charCodeAt(id.length - 1) % COUNT_SHARDS

const queuePartition = (centerCode: string, status: ApplicationState) => `CENTERAPPS#${centerCode}#${status}`
export const queueKey = (centerCode: string, status: ApplicationState, submittedAt: string, id: string) => ({
  pk: queuePartition(centerCode, status),
  sk: `${submittedAt}#${id}`,
})

export function queueEntryFromItem(i: StoredItem): QueueEntry {
  return {
    id: i.id as string,
    kind: i.kind as ApplicationKind,
    status: i.status as ApplicationState,
    amountFen: (i.amountFen as number | null | undefined) ?? null,
    depositorName: i.depositorName as string,
    idNumberMasked: i.idNumberMasked as string,
    accountNo: i.accountNo as string,
    submittedAt: i.submittedAt as string,
  }
}

const isQueued = (app: ApplicationItem): app is ApplicationItem & { submittedAt: string; status: QueuedState } =>
  app.submittedAt !== null && (QUEUED_STATES as readonly ApplicationState[]).includes(app.status)

/** the queue writes of a step from `before` to `after`: out of the old status's set, into the new one's */
export function moveInQueue(before: ApplicationItem, after: ApplicationItem): Write[] {
  const writes: Write[] = []
  if (isQueued(before)) {
    writes.push(
      plain({
        Delete: { TableName: table, Key: queueKey(before.centerCode, before.status, before.submittedAt, before.id) },
      }),
    )
  }
  if (isQueued(after)) {
    const entry: QueueEntry = {
      id: after.id,
      kind: after.kind,
      status: after.status,
      amountFen: after.amountFen,
      depositorName: after.depositorName,
      idNumberMasked: after.idNumberMasked,
      accountNo: after.accountNo,
      submittedAt: after.submittedAt,
    }
    writes.push(
      plain({
        Put: {
          TableName: table,
          Item: {
            ...queueKey(after.centerCode, after.status, after.submittedAt, after.id),
            entity: 'QueueEntry',
            ...entry,
          },
        },
      }),
    )
  }
  const from = isQueued(before) ? before.status : undefined
  const to = isQueued(after) ? after.status : undefined
  if (from !== to) writes.push(plain(countChange(after.centerCode, shardOf(after.id), from, to)))
  return writes
}

/** one shard's counters: one out of `from`'s, one into `to`'s */
function countChange(centerCode: string, shard: number, from?: QueuedState, to?: QueuedState): TxItem {
  const adds = [...(from ? ['#from :down'] : []), ...(to ? ['#to :up'] : [])]
  return {
    Update: {
      TableName: table,
      Key: queueCountKey(centerCode, shard),
      UpdateExpression: `SET entity = :e ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: { ...(from ? { '#from': from } : {}), ...(to ? { '#to': to } : {}) },
      ExpressionAttributeValues: { ':e': 'QueueCounts', ...(from ? { ':down': -1 } : {}), ...(to ? { ':up': 1 } : {}) },
    },
  }
}

export type QueueCounts = Record<QueuedState, number>

/** a center's counts per queued state: one Query of its counter shards */
export async function queueCounts(centerCode: string): Promise<QueueCounts> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': countsPartition(centerCode) },
    }),
  )
  const counts = Object.fromEntries(QUEUED_STATES.map((s) => [s, 0])) as QueueCounts
  for (const shard of out.Items ?? []) for (const s of QUEUED_STATES) counts[s] += (shard[s] as number | undefined) ?? 0
  return counts
}

/**
 * Counts a center's queue from its entries and writes the result as the counters (shard 0 holds
 * it, the others are zeroed): for a local table kept from before the counters existed.
 */
export async function recountQueue(centerCode: string): Promise<QueueCounts> {
  const counts = Object.fromEntries(QUEUED_STATES.map((s) => [s, 0])) as QueueCounts
  for (const status of QUEUED_STATES) {
    let start: Record<string, unknown> | undefined
    do {
      const out = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': queuePartition(centerCode, status) },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      )
      counts[status] += out.Count ?? 0
      start = out.LastEvaluatedKey
    } while (start)
  }
  for (let shard = 0; shard < COUNT_SHARDS; shard++) {
    await db.send(
      new PutCommand({
        TableName: table,
        Item: { ...queueCountKey(centerCode, shard), entity: 'QueueCounts', ...(shard === 0 ? counts : {}) },
      }),
    )
  }
  return counts
}

export async function listQueue(
  centerCode: string,
  status: ApplicationState,
  opts: {
    limit: number
    /** by submission time, oldest first */
    ascending: boolean
    cursor?: string
    kind?: string
    /** first and last stored instants of the submission window (China days: clock's chinaDayRange) */
    fromInstant?: string
    toInstant?: string
    q?: string
  },
): Promise<{ items: QueueEntry[]; nextCursor: string | null }> {
  const pk = queuePartition(centerCode, status)
  const filters: string[] = []
  const values: Record<string, unknown> = { ':pk': pk }
  if (opts.kind) {
    filters.push('kind = :kind')
    values[':kind'] = opts.kind
  }
  if (opts.q) {
    filters.push('(contains(depositorName, :q) OR accountNo = :q)')
    values[':q'] = opts.q
  }
  let range = ''
  if (opts.fromInstant || opts.toInstant) {
    // sk is `<submittedAt instant>#<id>`: '~' sorts after '#', so the last instant's items are in
    range = ' AND sk BETWEEN :from AND :to'
    values[':from'] = opts.fromInstant ?? '0000'
    values[':to'] = `${opts.toInstant ?? '9999'}~`
  }
  // a filter is applied after Limit, so a filtered page is filled by reading on (a few reads at
  // most): the reviewer sees full pages instead of empty ones with a 加载更多
  const items: QueueEntry[] = []
  let start = decodeCursor(opts.cursor, pk)
  for (let reads = 0; reads < QUEUE_MAX_READS && items.length < opts.limit; reads++) {
    const out = await db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: `pk = :pk${range}`,
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: opts.ascending,
        Limit: opts.limit - items.length,
        ExclusiveStartKey: start,
      }),
    )
    items.push(...(out.Items ?? []).map(queueEntryFromItem))
    start = out.LastEvaluatedKey
    if (!start) break
  }
  return { items, nextCursor: encodeCursor(start) }
}
const QUEUE_MAX_READS = 5
