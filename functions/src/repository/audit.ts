import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { chinaMonth } from '@gjj/shared/clock'
import { table } from './client'

/**
 * Audit entries (who, when, what) for the information pages and privacy consent: pk
 * AUDIT#<China yyyy-mm>, sk <at>#<id>, entity Audit — the same item as repository/applications.ts
 * writes for review steps (one audit partition per China month, no expiry), written in the same
 * transaction as the change it records.
 */
export interface AuditEntry {
  at: string
  id: string
  /** STAFF#<id> or DEPOSITOR#<id> */
  actor: string
  /** e.g. news.publish, outlet.upsert, privacy.accept */
  action: string
  /** the item acted on, e.g. NEWS#<id> */
  target: string
  detail: Record<string, unknown>
}

export type Tx = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number]

export function auditPut(a: AuditEntry): Tx {
  return {
    Put: {
      TableName: table,
      Item: { pk: `AUDIT#${chinaMonth(a.at)}`, sk: `${a.at}#${a.id}`, entity: 'Audit', ...a },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }
}
