import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { DocumentKind } from '@gjj/shared/api/documents'
import { recordAudit } from './audit'
import { db, table } from './client'
import { plain, type StoredItem, transact, type Write } from './transaction'

/**
 * 电子证明 (issued documents, issue 15).
 * - document: pk DOC#<number>, sk PROFILE — who, which kind and subject, the PDF's hash and object
 *   key, the facts printed, issued at, valid until, revoked. The verification code is checked
 *   against its SHA-256; it is also kept in clear so that the same day's request can show it again.
 * - issue key: pk DOCKEY#<depositorId>#<kind>#<subject>#<China date>#<id mode>, sk KEY — one per
 *   person, document and China day: the number issued under it. Written in the same transaction as
 *   the document with attribute_not_exists, so concurrent requests issue one document.
 */
export interface DocumentFact {
  label: string
  value: string
}

export interface DocumentItem {
  number: string
  kind: DocumentKind
  depositorId: string
  centerCode: string
  centerName: string
  /** the loan number, the application id, or the account number (缴存证明) */
  subjectId: string
  fullIdNumber: boolean
  issueKey: string
  codeHash: string
  /** the verification code itself: printed on the PDF and shown again to its owner only */
  code: string
  sha256: string
  sizeBytes: number
  objectKey: string
  facts: DocumentFact[]
  issuedAt: string
  validUntil: string
  revoked: boolean
  revokedAt: string | null
  /** 作废: why, and the reviewer who did it (name and staff id) */
  revokeReason: string | null
  revokedBy: { staffId: string; name: string } | null
}

export const documentKey = (number: string) => ({ pk: `DOC#${number}`, sk: 'PROFILE' })
export const issueKeyKey = (issueKey: string) => ({ pk: `DOCKEY#${issueKey}`, sk: 'KEY' })
export const issueKeyOf = (p: {
  depositorId: string
  kind: DocumentKind
  subjectId: string
  chinaDate: string
  fullIdNumber: boolean
}) => `${p.depositorId}#${p.kind}#${p.subjectId}#${p.chinaDate}#${p.fullIdNumber ? 'full' : 'masked'}`

export function documentFromItem(i: StoredItem): DocumentItem {
  return {
    number: i.number as string,
    kind: i.kind as DocumentKind,
    depositorId: i.depositorId as string,
    centerCode: i.centerCode as string,
    centerName: i.centerName as string,
    subjectId: i.subjectId as string,
    fullIdNumber: Boolean(i.fullIdNumber),
    issueKey: i.issueKey as string,
    codeHash: i.codeHash as string,
    code: i.code as string,
    sha256: i.sha256 as string,
    sizeBytes: i.sizeBytes as number,
    objectKey: i.objectKey as string,
    facts: (i.facts as DocumentFact[] | undefined) ?? [],
    issuedAt: i.issuedAt as string,
    validUntil: i.validUntil as string,
    revoked: Boolean(i.revoked),
    revokedAt: (i.revokedAt as string | null | undefined) ?? null,
    revokeReason: (i.revokeReason as string | null | undefined) ?? null,
    revokedBy: (i.revokedBy as { staffId: string; name: string } | null | undefined) ?? null,
  }
}

export async function getDocument(number: string): Promise<DocumentItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: documentKey(number) }))
  return out.Item ? documentFromItem(out.Item) : undefined
}

/** the document issued under an issue key (person + kind + subject + China day), if any */
export async function findIssued(issueKey: string): Promise<DocumentItem | undefined> {
  const out = await db.send(new GetCommand({ TableName: table, Key: issueKeyKey(issueKey), ConsistentRead: true }))
  const number = out.Item?.number as string | undefined
  return number ? getDocument(number) : undefined
}

export type AlreadyIssued = { reason: 'alreadyIssued'; number: string }

/**
 * Records an issued document, its issue key and the audit entry at once. When another request
 * issued the same document today first, nothing is written: `alreadyIssued` names its number.
 */
export async function recordIssued(doc: DocumentItem, auditId: string) {
  const key: Write<AlreadyIssued> = {
    item: {
      Put: {
        TableName: table,
        Item: { ...issueKeyKey(doc.issueKey), entity: 'DocumentIssueKey', number: doc.number, issuedAt: doc.issuedAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onFailure: (current) => ({ reason: 'alreadyIssued', number: (current?.number as string) ?? '' }),
  }
  return transact<AlreadyIssued>([
    key,
    {
      item: {
        Put: {
          TableName: table,
          Item: { ...documentKey(doc.number), entity: 'IssuedDocument', ...doc },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    recordAudit({
      at: doc.issuedAt,
      id: auditId,
      actor: `DEPOSITOR#${doc.depositorId}`,
      action: 'document.issue',
      target: `DOC#${doc.number}`,
      detail: { kind: doc.kind, subjectId: doc.subjectId, sha256: doc.sha256, fullIdNumber: doc.fullIdNumber },
    }),
  ])
}

export type RevokeFailure = { reason: 'alreadyRevoked'; revokedAt: string | null } | { reason: 'notFound' }

/**
 * 作废: the document no longer verifies as genuine. One transaction: the document's update,
 * conditional on it being there, of `centerCode` and not revoked yet; the release of its issue key
 * (a request of its owner the same day then issues a new document instead of giving this one
 * back); and the audit entry. A document revoked (or gone) meanwhile writes nothing and names why.
 */
export async function revokeDocument(
  number: string,
  r: {
    at: string
    reason: string
    centerCode: string
    by: { staffId: string; name: string }
    auditId: string
    /** the document's issue key: released, so its owner can issue a new one the same day */
    issueKey: string
  },
) {
  const update: Write<RevokeFailure> = {
    item: {
      Update: {
        TableName: table,
        Key: documentKey(number),
        UpdateExpression: 'SET revoked = :t, revokedAt = :at, revokeReason = :reason, revokedBy = :by',
        ConditionExpression:
          'attribute_exists(pk) AND centerCode = :c AND (attribute_not_exists(revoked) OR revoked = :f)',
        ExpressionAttributeValues: {
          ':t': true,
          ':f': false,
          ':at': r.at,
          ':reason': r.reason,
          ':by': r.by,
          ':c': r.centerCode,
        },
      },
    },
    onFailure: (current) =>
      current?.revoked === true
        ? { reason: 'alreadyRevoked', revokedAt: (current.revokedAt as string | undefined) ?? null }
        : { reason: 'notFound' },
  }
  return transact<RevokeFailure>([
    update,
    plain({
      Delete: {
        TableName: table,
        Key: issueKeyKey(r.issueKey),
        ConditionExpression: 'attribute_not_exists(pk) OR #number = :n',
        ExpressionAttributeNames: { '#number': 'number' },
        ExpressionAttributeValues: { ':n': number },
      },
    }),
    recordAudit({
      at: r.at,
      id: r.auditId,
      actor: `staff:${r.by.staffId}`,
      action: 'document.revoke',
      target: `DOC#${number}`,
      detail: { reason: r.reason, centerCode: r.centerCode },
    }),
  ])
}
