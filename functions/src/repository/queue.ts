import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { ApplicationKind } from '@gjj/shared/catalog'
import type { ApplicationState } from '@gjj/shared/workflow'
import type { ApplicationItem } from './applications'
import { db, table } from './client'
import { decodeCursor, encodeCursor } from './paging'
import { plain, type StoredItem, type Write } from './transaction'

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
export const QUEUED_STATES: readonly ApplicationState[] = ['submitted', 'approved', 'returned']

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

const isQueued = (app: ApplicationItem): app is ApplicationItem & { submittedAt: string } =>
  app.submittedAt !== null && QUEUED_STATES.includes(app.status)

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
  return writes
}

export async function listQueue(
  centerCode: string,
  status: ApplicationState,
  opts: {
    limit: number
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
        ScanIndexForward: status === 'submitted', // the queue oldest first, history newest first
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
