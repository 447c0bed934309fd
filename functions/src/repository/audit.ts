import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { chinaMonth } from '@gjj/shared/clock'
import { db, table } from './client'
import { decodeIndexCursor, encodeCursor } from './paging'
import { plain, type StoredItem, type Write } from './transaction'

/**
 * The audit log: every staff action and every money movement, kept with no expiry (≥ 180 days by
 * the rules). pk AUDIT#<China yyyy-mm>, sk <at instant>#<id>: one partition per China month.
 * A staff action names the staff member's center (`centerCode`) and is then also on gsi1 as
 * CENTER#<code>#AUDIT / <at>#<id>: a center admin reads their center's log (操作日志) newest first,
 * one Query per page, a date range being a range of the sort key.
 */
export interface AuditEntry {
  at: string
  id: string
  /** staff:<id>, STAFF#<id> or DEPOSITOR#<id> */
  actor: string
  /** e.g. approveApplication, news.publish, outlet.upsert, privacy.accept */
  action: string
  target: string
  detail: Record<string, unknown>
  /** the center of the staff member who acted (staff actions only) */
  centerCode?: string
}

export const centerAuditIndexKey = (centerCode: string) => `CENTER#${centerCode}#AUDIT`

export const auditPartition = (chinaYearMonth: string) => `AUDIT#${chinaYearMonth}`
export const auditKey = (at: string, id: string) => ({ pk: auditPartition(chinaMonth(at)), sk: `${at}#${id}` })

export function auditFromItem(i: StoredItem): AuditEntry {
  return {
    at: i.at as string,
    id: i.id as string,
    actor: i.actor as string,
    action: i.action as string,
    target: i.target as string,
    detail: (i.detail as Record<string, unknown> | undefined) ?? {},
    ...(i.centerCode ? { centerCode: i.centerCode as string } : {}),
  }
}

/** an audit entry, for a transaction; written once */
export function recordAudit(a: AuditEntry): Write {
  return plain({
    Put: {
      TableName: table,
      Item: {
        ...auditKey(a.at, a.id),
        entity: 'Audit',
        ...(a.centerCode ? { gsi1pk: centerAuditIndexKey(a.centerCode), gsi1sk: `${a.at}#${a.id}` } : {}),
        ...a,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  })
}

export type { TxItem as Tx } from './transaction'

/** the audit entry as a raw transaction item, for writes that build their own TransactWriteItems */
export const auditPut = (a: AuditEntry) => recordAudit(a).item

/**
 * A center's staff actions, newest first, one page: `actor` narrows to one staff member (a filter:
 * a page may hold fewer than `limit`), `fromInstant`/`toInstant` bound the time.
 */
export async function listCenterAudit(
  centerCode: string,
  opts: { limit: number; cursor?: string; actor?: string; fromInstant?: string; toInstant?: string },
) {
  const gsi1pk = centerAuditIndexKey(centerCode)
  const range =
    opts.fromInstant && opts.toInstant
      ? {
          cond: ' AND gsi1sk BETWEEN :from AND :to',
          values: { ':from': opts.fromInstant, ':to': `${opts.toInstant}~` },
        }
      : opts.fromInstant
        ? { cond: ' AND gsi1sk >= :from', values: { ':from': opts.fromInstant } }
        : opts.toInstant
          ? { cond: ' AND gsi1sk <= :to', values: { ':to': `${opts.toInstant}~` } }
          : { cond: '', values: {} }
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      IndexName: 'gsi1',
      KeyConditionExpression: `gsi1pk = :pk${range.cond}`,
      ...(opts.actor ? { FilterExpression: 'actor = :actor' } : {}),
      ExpressionAttributeValues: { ':pk': gsi1pk, ...range.values, ...(opts.actor ? { ':actor': opts.actor } : {}) },
      ScanIndexForward: false,
      Limit: opts.limit,
      ExclusiveStartKey: decodeIndexCursor(opts.cursor, gsi1pk),
    }),
  )
  return { items: (out.Items ?? []).map(auditFromItem), nextCursor: encodeCursor(out.LastEvaluatedKey) }
}
