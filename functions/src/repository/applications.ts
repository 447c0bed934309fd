import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { ApplicationData } from '@gjj/shared/api/application'
import type { ApplicationKind } from '@gjj/shared/catalog'
import { chinaMonth } from '@gjj/shared/clock'
import type { ApplicationState } from '@gjj/shared/workflow'
import { db, table } from './client'
import { decodeCursor, encodeCursor } from './paging'

/**
 * Applications (申请) and everything that hangs off one.
 * - application: pk APP#<id>, sk PROFILE; gsi1pk DEPOSITOR#<depositorId>#APPS, gsi1sk <createdAt>#<id> (我发起的)
 * - archive file: pk APP#<id>, sk FILE#<fileId>
 * - timeline event: pk APP#<id>, sk EVENT#<at>#<n> (流程信息查询)
 * - in-progress lock: pk DEPOSITOR#<depositorId>, sk ACTIVE#<kind> — one application per kind at a time
 * - center queue: pk CENTERAPPS#<center>#<status>, sk <submittedAt>#<id> — moved on every review step
 * - last approval of a kind: pk DEPOSITOR#<depositorId>, sk LAST#<kind> (once-per-12-months rules)
 * - audit: pk AUDIT#<China yyyy-mm>, sk <at>#<id> — every staff action and money movement, no expiry
 */
export interface BankCardSnapshot {
  id: string
  bankName: string
  cardNo: string
}

export interface ClosingAmounts {
  balanceFen: number
  closingInterestFen: number
  totalFen: number
}

export interface ApplicationItem {
  id: string
  kind: ApplicationKind
  depositorId: string
  centerCode: string
  accountNo: string
  depositorName: string
  idNumberMasked: string
  status: ApplicationState
  data: ApplicationData
  amountFen: number | null
  closing: ClosingAmounts | null
  bankCard: BankCardSnapshot | null
  createdAt: string
  updatedAt: string
  submittedAt: string | null
  returnReason: string | null
  submitKey: string | null
  version: number
}

export interface FileItem {
  fileId: string
  category: string
  fileName: string
  contentType: string
  size: number
  key: string
  uploadedAt: string
  attached: boolean
}

export interface EventItem {
  at: string
  action: string
  actor: 'depositor' | 'reviewer'
  actorName: string
  from: ApplicationState | null
  to: ApplicationState
  opinion: string | null
}

export interface AuditEntry {
  at: string
  id: string
  actor: string
  action: string
  target: string
  detail: Record<string, unknown>
}

type Tx = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number]

export const appKey = (id: string) => ({ pk: `APP#${id}`, sk: 'PROFILE' })
const fileKey = (id: string, fileId: string) => ({ pk: `APP#${id}`, sk: `FILE#${fileId}` })
const activeKey = (depositorId: string, kind: string) => ({ pk: `DEPOSITOR#${depositorId}`, sk: `ACTIVE#${kind}` })
const lastKey = (depositorId: string, kind: string) => ({ pk: `DEPOSITOR#${depositorId}`, sk: `LAST#${kind}` })
export const queueKey = (app: Pick<ApplicationItem, 'centerCode' | 'id'>, status: string, submittedAt: string) => ({
  pk: `CENTERAPPS#${app.centerCode}#${status}`,
  sk: `${submittedAt}#${app.id}`,
})

let eventSeq = 0
export function eventPut(id: string, e: EventItem): Tx {
  eventSeq = (eventSeq + 1) % 1000
  return {
    Put: {
      TableName: table,
      Item: { pk: `APP#${id}`, sk: `EVENT#${e.at}#${String(eventSeq).padStart(3, '0')}`, entity: 'AppEvent', ...e },
    },
  }
}

export function auditPut(a: AuditEntry): Tx {
  return {
    Put: {
      TableName: table,
      Item: { pk: `AUDIT#${chinaMonth(a.at)}`, sk: `${a.at}#${a.id}`, entity: 'Audit', ...a },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
}

function queueItem(app: ApplicationItem, status: ApplicationState, submittedAt: string) {
  return {
    ...queueKey(app, status, submittedAt),
    entity: 'QueueEntry',
    id: app.id,
    kind: app.kind,
    status,
    amountFen: app.amountFen,
    depositorName: app.depositorName,
    idNumberMasked: app.idNumberMasked,
    accountNo: app.accountNo,
    submittedAt,
  }
}

export function queuePut(app: ApplicationItem, status: ApplicationState, submittedAt: string): Tx {
  return { Put: { TableName: table, Item: queueItem(app, status, submittedAt) } }
}

export function queueDelete(app: ApplicationItem, status: ApplicationState, submittedAt: string): Tx {
  return { Delete: { TableName: table, Key: queueKey(app, status, submittedAt) } }
}

export const activeDelete = (app: ApplicationItem): Tx => ({
  Delete: { TableName: table, Key: activeKey(app.depositorId, app.kind) },
})

export const lastPut = (app: ApplicationItem, at: string): Tx => ({
  Put: { TableName: table, Item: { ...lastKey(app.depositorId, app.kind), entity: 'LastApproval', appId: app.id, at } },
})

/** the application's profile update, guarded by its status and version (optimistic locking) */
export function appUpdate(
  app: ApplicationItem,
  set: Partial<ApplicationItem>,
  expectedStatuses: ApplicationState[],
): Tx {
  const names: Record<string, string> = { '#status': 'status', '#version': 'version' }
  const values: Record<string, unknown> = { ':v': app.version, ':next': app.version + 1 }
  const sets = ['#version = :next']
  for (const [k, v] of Object.entries(set)) {
    if (k === 'version') continue
    names[`#${k}`] = k
    values[`:${k}`] = v
    sets.push(`#${k} = :${k}`)
  }
  expectedStatuses.forEach((s, i) => {
    values[`:s${i}`] = s
  })
  return {
    Update: {
      TableName: table,
      Key: appKey(app.id),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: `#version = :v AND #status IN (${expectedStatuses.map((_, i) => `:s${i}`).join(', ')})`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
}

export async function transact(items: Tx[], idempotencyToken?: string): Promise<void> {
  await db.send(
    new TransactWriteCommand({
      TransactItems: items,
      ...(idempotencyToken ? { ClientRequestToken: idempotencyToken } : {}),
    }),
  )
}

/** a new draft, the per-kind in-progress lock and the first timeline event, all or nothing */
export async function createApplication(app: ApplicationItem, event: EventItem): Promise<void> {
  await transact([
    {
      Put: {
        TableName: table,
        Item: {
          ...appKey(app.id),
          entity: 'Application',
          gsi1pk: `DEPOSITOR#${app.depositorId}#APPS`,
          gsi1sk: `${app.createdAt}#${app.id}`,
          ...app,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table,
        Item: { ...activeKey(app.depositorId, app.kind), entity: 'ActiveApplication', appId: app.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    eventPut(app.id, event),
  ])
}

export interface ApplicationBundle {
  app: ApplicationItem
  files: FileItem[]
  events: EventItem[]
}

/** the application with its files and timeline, in one query */
export async function getBundle(id: string): Promise<ApplicationBundle | undefined> {
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `APP#${id}` },
    }),
  )
  const items = out.Items ?? []
  const app = items.find((i) => i.sk === 'PROFILE') as ApplicationItem | undefined
  if (!app) return undefined
  return {
    app,
    files: items.filter((i) => (i.sk as string).startsWith('FILE#')) as FileItem[],
    events: items.filter((i) => (i.sk as string).startsWith('EVENT#')) as EventItem[],
  }
}

export async function getApplication(id: string): Promise<ApplicationItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: appKey(id), ConsistentRead: true }))
  return out.Item as ApplicationItem | undefined
}

export async function putFile(id: string, file: FileItem): Promise<void> {
  await db.send(
    new PutCommand({ TableName: table, Item: { ...fileKey(id, file.fileId), entity: 'ArchiveFile', ...file } }),
  )
}

export const fileDelete = (id: string, fileId: string): Tx => ({
  Delete: { TableName: table, Key: fileKey(id, fileId), ConditionExpression: 'attribute_exists(pk)' },
})

export const fileAttach = (id: string, fileId: string, key: string): Tx => ({
  Update: {
    TableName: table,
    Key: fileKey(id, fileId),
    UpdateExpression: 'SET attached = :t, #key = :k',
    ExpressionAttributeNames: { '#key': 'key' },
    ExpressionAttributeValues: { ':t': true, ':k': key },
  },
})

export async function listByDepositor(
  depositorId: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<{ items: ApplicationItem[]; nextCursor: string | null }> {
  const pk = `DEPOSITOR#${depositorId}#APPS`
  const start = decodeIndexCursor(cursor, pk)
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  )
  return { items: (out.Items ?? []) as ApplicationItem[], nextCursor: encodeCursor(out.LastEvaluatedKey) }
}

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
  const pk = `CENTERAPPS#${centerCode}#${status}`
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
    items.push(...((out.Items ?? []) as QueueEntry[]))
    start = out.LastEvaluatedKey
    if (!start) break
  }
  return { items, nextCursor: encodeCursor(start) }
}
const QUEUE_MAX_READS = 5

function decodeIndexCursor(cursor: string | undefined, gsi1pk: string) {
  if (!cursor) return undefined
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>
    if (key.gsi1pk === gsi1pk && typeof key.pk === 'string' && key.sk === 'PROFILE') return key
  } catch {
    // fall through
  }
  return decodeCursor(cursor, '\u0000') // throws the standard "分页参数无效" error
}

export async function touchUpdatedAt(id: string, at: string): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName: table,
      Key: appKey(id),
      UpdateExpression: 'SET updatedAt = :at',
      ExpressionAttributeValues: { ':at': at },
    }),
  )
}
