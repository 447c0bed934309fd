import { chinaMonth } from '@gjj/shared/clock'
import { table } from './client'
import { plain, type StoredItem, type Write } from './transaction'

/**
 * The audit log: every staff action and every money movement, kept with no expiry (≥ 180 days by
 * the rules). pk AUDIT#<China yyyy-mm>, sk <at instant>#<id>: one partition per China month.
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
}

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
  }
}

/** an audit entry, for a transaction; written once */
export function recordAudit(a: AuditEntry): Write {
  return plain({
    Put: {
      TableName: table,
      Item: { ...auditKey(a.at, a.id), entity: 'Audit', ...a },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  })
}

export type { TxItem as Tx } from './transaction'

/** the audit entry as a raw transaction item, for writes that build their own TransactWriteItems */
export const auditPut = (a: AuditEntry) => recordAudit(a).item
