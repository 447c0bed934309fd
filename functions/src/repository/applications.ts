import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import type { ApplicationData } from '@gjj/shared/api/application'
import type { LoanFigures } from '@gjj/shared/api/loan-plan'
import type { ApplicationKind } from '@gjj/shared/catalog'
import type { ApplicationState, TimelineAction } from '@gjj/shared/workflow'
import { db, queryPage, table } from './client'
import { depositorPartition } from './depositors'
import { decodeCursor } from './paging'
import { plain, type StoredItem, type Write } from './transaction'

/**
 * Applications (申请) and what hangs off one, in the application's partition:
 * - application: pk APP#<id>, sk PROFILE; gsi1pk DEPOSITOR#<depositorId>#APPS, gsi1sk <createdAt>#<id> (我发起的)
 * - archive file: pk APP#<id>, sk FILE#<fileId>
 * - timeline event: pk APP#<id>, sk EVENT#<at>#<n> (流程信息查询)
 * The items an application's steps move elsewhere — the center's queue (queue.ts), the per-kind
 * markers (kind-markers.ts), the audit log (audit.ts) — are written by the steps in workflow.ts.
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
  /** the idempotency keys of its submit attempts, oldest first: one key, one attempt */
  submitKeys: string[]
  /** 贷款业务: the figures as last checked (create, update, submit) and the loan's version then */
  loanFigures?: LoanFigures | null
  loanVersion?: number | null
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
  action: TimelineAction
  actor: 'depositor' | 'reviewer'
  actorName: string
  from: ApplicationState | null
  to: ApplicationState
  opinion: string | null
}

const ENTITY = { application: 'Application', file: 'ArchiveFile', event: 'AppEvent' } as const

const appPartition = (id: string) => `APP#${id}`
export const applicationKey = (id: string) => ({ pk: appPartition(id), sk: 'PROFILE' })
/** 我发起的: a depositor's applications, newest first, through gsi1 */
const myApplications = (depositorId: string) => `${depositorPartition(depositorId)}#APPS`
export const applicationIndexKey = (app: Pick<ApplicationItem, 'depositorId' | 'createdAt' | 'id'>) => ({
  gsi1pk: myApplications(app.depositorId),
  gsi1sk: `${app.createdAt}#${app.id}`,
})
export const archiveFileKey = (id: string, fileId: string) => ({ pk: appPartition(id), sk: `FILE#${fileId}` })
export const timelineEventKey = (id: string, at: string, seq: number) => ({
  pk: appPartition(id),
  sk: `EVENT#${at}#${String(seq).padStart(3, '0')}`,
})

export function applicationFromItem(i: StoredItem): ApplicationItem {
  const legacyKey = i.submitKey as string | null | undefined
  return {
    id: i.id as string,
    kind: i.kind as ApplicationKind,
    depositorId: i.depositorId as string,
    centerCode: i.centerCode as string,
    accountNo: i.accountNo as string,
    depositorName: i.depositorName as string,
    idNumberMasked: i.idNumberMasked as string,
    status: i.status as ApplicationState,
    data: i.data as ApplicationData,
    amountFen: (i.amountFen as number | null | undefined) ?? null,
    closing: (i.closing as ClosingAmounts | null | undefined) ?? null,
    bankCard: (i.bankCard as BankCardSnapshot | null | undefined) ?? null,
    createdAt: i.createdAt as string,
    updatedAt: i.updatedAt as string,
    submittedAt: (i.submittedAt as string | null | undefined) ?? null,
    returnReason: (i.returnReason as string | null | undefined) ?? null,
    // written before issue 9: the one key of the last attempt
    submitKeys: (i.submitKeys as string[] | undefined) ?? (legacyKey ? [legacyKey] : []),
    loanFigures: (i.loanFigures as LoanFigures | null | undefined) ?? null,
    loanVersion: (i.loanVersion as number | null | undefined) ?? null,
    version: i.version as number,
  }
}

export function archiveFileFromItem(i: StoredItem): FileItem {
  return {
    fileId: i.fileId as string,
    category: i.category as string,
    fileName: i.fileName as string,
    contentType: i.contentType as string,
    size: i.size as number,
    key: i.key as string,
    uploadedAt: i.uploadedAt as string,
    attached: Boolean(i.attached),
  }
}

export function timelineEventFromItem(i: StoredItem): EventItem {
  return {
    at: i.at as string,
    action: i.action as TimelineAction,
    actor: i.actor as EventItem['actor'],
    actorName: i.actorName as string,
    from: (i.from as ApplicationState | null | undefined) ?? null,
    to: i.to as ApplicationState,
    opinion: (i.opinion as string | null | undefined) ?? null,
  }
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
      ExpressionAttributeValues: { ':pk': appPartition(id) },
    }),
  )
  const items = out.Items ?? []
  const of = (entity: string) => items.filter((i) => i.entity === entity)
  const profile = of(ENTITY.application)[0]
  if (!profile) return undefined
  return {
    app: applicationFromItem(profile),
    files: of(ENTITY.file).map(archiveFileFromItem),
    events: of(ENTITY.event).map(timelineEventFromItem),
  }
}

export async function getApplication(id: string): Promise<ApplicationItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: applicationKey(id), ConsistentRead: true }))
  return out.Item ? applicationFromItem(out.Item) : undefined
}

export async function listByDepositor(
  depositorId: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<{ items: ApplicationItem[]; nextCursor: string | null }> {
  const pk = myApplications(depositorId)
  const page = await queryPage(
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      Limit: limit,
    },
    decodeIndexCursor(cursor, pk),
  )
  return { ...page, items: page.items.map(applicationFromItem) }
}

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

/* ---- writes, for the workflow steps (workflow.ts) ---- */

/** the application is no longer as it was read: in another state, or changed in the same state */
export type StateFailure =
  | { reason: 'wrongState'; current: ApplicationItem }
  | { reason: 'stale'; current: ApplicationItem }

function stateFailure(expected: ApplicationState[]) {
  return (now: StoredItem | undefined): StateFailure => {
    // applications are never deleted: the item is there
    const current = applicationFromItem(now ?? {})
    return expected.includes(current.status) ? { reason: 'stale', current } : { reason: 'wrongState', current }
  }
}

export function putApplication(app: ApplicationItem): Write {
  return plain({
    Put: {
      TableName: table,
      Item: { ...applicationKey(app.id), ...applicationIndexKey(app), entity: ENTITY.application, ...app },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  })
}

/** the application's change, guarded by its status and version (optimistic locking) */
export function changeApplication(
  app: ApplicationItem,
  set: Partial<ApplicationItem>,
  expected: ApplicationState[],
): Write<StateFailure> {
  const names: Record<string, string> = { '#status': 'status', '#version': 'version' }
  const values: Record<string, unknown> = { ':v': app.version, ':next': app.version + 1 }
  const sets = ['#version = :next']
  for (const [k, v] of Object.entries(set)) {
    if (k === 'version' || k === 'id') continue
    names[`#${k}`] = k
    values[`:${k}`] = v
    sets.push(`#${k} = :${k}`)
  }
  expected.forEach((s, i) => {
    values[`:s${i}`] = s
  })
  return {
    item: {
      Update: {
        TableName: table,
        Key: applicationKey(app.id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: `#version = :v AND #status IN (${expected.map((_, i) => `:s${i}`).join(', ')})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    onFailure: stateFailure(expected),
  }
}

/** the application is (still) in one of these states; its version may move (files come and go alone) */
export function guardState(app: ApplicationItem, expected: ApplicationState[]): Write<StateFailure> {
  return {
    item: {
      ConditionCheck: {
        TableName: table,
        Key: applicationKey(app.id),
        ConditionExpression: `#status IN (${expected.map((_, i) => `:s${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: Object.fromEntries(expected.map((s, i) => [`:s${i}`, s])),
      },
    },
    onFailure: stateFailure(expected),
  }
}

let eventSeq = 0
export function recordEvent(id: string, e: EventItem): Write {
  eventSeq = (eventSeq + 1) % 1000
  return plain({
    Put: { TableName: table, Item: { ...timelineEventKey(id, e.at, eventSeq), entity: ENTITY.event, ...e } },
  })
}

export function putFile(id: string, file: FileItem): Write {
  return plain({
    Put: { TableName: table, Item: { ...archiveFileKey(id, file.fileId), entity: ENTITY.file, ...file } },
  })
}

export function deleteFile(id: string, fileId: string): Write<{ reason: 'noSuchFile' }> {
  return {
    item: {
      Delete: { TableName: table, Key: archiveFileKey(id, fileId), ConditionExpression: 'attribute_exists(pk)' },
    },
    onFailure: () => ({ reason: 'noSuchFile' }),
  }
}

/** the file now lives under `key` (archives/), where the uploads' lifecycle rule leaves it alone */
export function attachFile(id: string, fileId: string, key: string): Write {
  return plain({
    Update: {
      TableName: table,
      Key: archiveFileKey(id, fileId),
      UpdateExpression: 'SET attached = :t, #key = :k',
      ExpressionAttributeNames: { '#key': 'key' },
      ExpressionAttributeValues: { ':t': true, ':k': key },
    },
  })
}
