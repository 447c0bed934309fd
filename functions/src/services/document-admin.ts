import { chinaDateTime } from '@gjj/shared/clock'
import { nowIso } from '../lib/clock'
import { Conflict, NotFound } from '../lib/errors'
import { newId } from '../lib/tokens'
import * as documents from '../repository/documents'
import type { StaffSession } from '../repository/sessions'
import { standingOf } from './document-verify'
import { staffWithRole } from './staff-roles'

/**
 * 证明作废 (issue 15 gap, decision 81): a reviewer of the issuing center looks an 电子证明 up by its
 * number and annuls it with a reason. Another center's document answers as an unknown one (404),
 * so numbers cannot be probed across centers; a second 作废 is refused (409) and writes nothing.
 */
const NOT_FOUND = '未找到该证明：请核对证明编号（只能查询本中心开具的证明）'

function viewOf(doc: documents.DocumentItem) {
  return {
    ...standingOf(doc),
    revokedAt: doc.revokedAt,
    revokeReason: doc.revokeReason,
    revokedBy: doc.revokedBy?.name ?? null,
  }
}

const already = (revokedAt: string | null) =>
  new Conflict(
    'ALREADY_REVOKED',
    revokedAt ? `该证明已于${chinaDateTime(revokedAt)}作废，无需再次作废` : '该证明已作废，无需再次作废',
  )

async function ownCenters(caller: StaffSession, number: string) {
  const doc = await documents.getDocument(number)
  if (!doc || doc.centerCode !== caller.centerCode) throw new NotFound(NOT_FOUND)
  return doc
}

/** 查询: the document of the reviewer's center with this number (its facts, status, issuer) */
export async function lookup(caller: StaffSession, number: string) {
  await staffWithRole(caller, 'reviewer')
  return viewOf(await ownCenters(caller, number))
}

/** 作废 with a reason: the document and its audit entry in one transaction, once */
export async function revoke(caller: StaffSession, number: string, reason: string) {
  // the role first, then the document: one without the role learns nothing about numbers
  const staff = await staffWithRole(caller, 'reviewer')
  const doc = await ownCenters(caller, number)
  if (doc.revoked) throw already(doc.revokedAt)
  const at = nowIso()
  const by = { staffId: staff.staffId, name: staff.name }
  const outcome = await documents.revokeDocument(number, {
    at,
    reason,
    centerCode: caller.centerCode,
    by,
    auditId: newId('E'),
    issueKey: doc.issueKey,
  })
  if (!outcome.ok) {
    if (outcome.reason === 'alreadyRevoked') throw already(outcome.revokedAt)
    throw new NotFound(NOT_FOUND)
  }
  return viewOf({ ...doc, revoked: true, revokedAt: at, revokeReason: reason, revokedBy: by })
}
