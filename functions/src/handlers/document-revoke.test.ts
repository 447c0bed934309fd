import { getStaffDocument, revokeDocument } from '@gjj/shared/api/document-admin'
import { issueDocument, verifyDocument } from '@gjj/shared/api/documents'
import { beforeAll, describe, expect, test } from 'vitest'
import { freshIp } from '../../test/depositor'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, makeReviewer, type TestPerson } from '../../test/factory'
import { auditsOf, makeStaff } from '../../test/publishing'
import { nowIso } from '../lib/clock'
import { getDocument } from '../repository/documents'
import { seedDemoData } from '../seed/index'
import { handler as lookupHandler } from './get-staff-document'
import { handler as issueHandler } from './issue-document'
import { handler as revokeHandler } from './revoke-document'
import { handler as verifyHandler } from './verify-document'

/**
 * 证明作废 (decision 81): a reviewer of the issuing center looks a document up by its number and
 * annuls it with a reason, once; the verification page then says 已作废 to the right code only.
 */
type Answer = {
  status?: string
  code?: string
  message?: string
  issues?: { path: string[]; message: string }[]
  number?: string
  centerName?: string
  facts?: { label: string; value: string }[]
  revokedAt?: string | null
  revokeReason?: string | null
  revokedBy?: string | null
}

beforeAll(async () => {
  await seedDemoData()
})

async function issued(p: TestPerson) {
  const res = await issueHandler(eventFor(issueDocument, { kind: 'deposit' }, { token: p.token }))
  expect(res.statusCode).toBe(200)
  return bodyOf<{ number: string; verificationCode: string }>(res)
}
const lookup = async (number: string, token?: string) => {
  const res = await lookupHandler(eventFor(getStaffDocument, { number }, { token }))
  return { status: res.statusCode, body: bodyOf<Answer>(res) }
}
const revoke = async (number: string, reason: unknown, token?: string) => {
  const res = await revokeHandler(eventFor(revokeDocument, { number, reason }, { token }))
  return { status: res.statusCode, body: bodyOf<Answer>(res) }
}
const verify = async (number: string, code: string) => {
  const res = await verifyHandler(eventFor(verifyDocument, { number, code }, { sourceIp: freshIp() }))
  return { status: res.statusCode, body: bodyOf<Answer>(res) }
}
/** nothing was written: the document is not revoked and no 作废 is in the audit log */
async function untouched(number: string) {
  const doc = await getDocument(number)
  expect(doc).toMatchObject({ revoked: false, revokedAt: null, revokeReason: null, revokedBy: null })
  const audits = await auditsOf(`DOC#${number}`, nowIso())
  expect(audits.filter((a) => a.action === 'document.revoke')).toEqual([])
}

describe('证明作废 by a reviewer of the issuing center', () => {
  test('looks the document up, annuls it with a reason and an audit entry; verification then says 已作废', async () => {
    const p = await makeDepositor()
    const doc = await issued(p)
    const reviewer = await makeReviewer('C65430')

    const found = await lookup(doc.number, reviewer.token)
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({
      number: doc.number,
      status: 'valid',
      centerName: '阿勒泰地区住房公积金管理中心',
      revokedAt: null,
      revokeReason: null,
    })
    expect(found.body.facts).toContainEqual({ label: '姓名', value: p.person.name })

    const before = await verify(doc.number, doc.verificationCode)
    expect(before.body.status).toBe('valid')

    const done = await revoke(doc.number, '  单位反映信息有误，重新开具  ', reviewer.token)
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ status: 'revoked', revokeReason: '单位反映信息有误，重新开具' })
    expect(done.body.revokedBy).toMatch(/^审批员/)

    const stored = await getDocument(doc.number)
    expect(stored).toMatchObject({
      revoked: true,
      revokeReason: '单位反映信息有误，重新开具',
      revokedBy: { staffId: reviewer.staffId },
    })
    const audits = (await auditsOf(`DOC#${doc.number}`, stored?.revokedAt as string)).filter(
      (a) => a.action === 'document.revoke',
    )
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({
      actor: `staff:${reviewer.staffId}`,
      target: `DOC#${doc.number}`,
      at: stored?.revokedAt,
      detail: { reason: '单位反映信息有误，重新开具' },
    })

    // the public page: 已作废 with the right code, the same 无法验证 as ever with a wrong one
    const after = await verify(doc.number, doc.verificationCode)
    expect(after.status).toBe(200)
    expect(after.body.status).toBe('revoked')
    const wrong = await verify(doc.number, doc.verificationCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA')
    expect(wrong.status).toBe(404)
    expect(wrong.body.message).toContain('无法验证')

    // the lookup shows it annulled, by whom and why
    const again = await lookup(doc.number, reviewer.token)
    expect(again.body).toMatchObject({ status: 'revoked', revokeReason: '单位反映信息有误，重新开具' })
    expect(again.body.revokedBy).toBe(done.body.revokedBy)
  })

  test('after 作废 its owner issues a new document the same day; the old one stays 已作废', async () => {
    const p = await makeDepositor()
    const first = await issued(p)
    const reviewer = await makeReviewer('C65430')
    expect((await revoke(first.number, '信息有误', reviewer.token)).status).toBe(200)

    const second = await issued(p)
    expect(second.number).not.toBe(first.number)
    expect((await verify(second.number, second.verificationCode)).body.status).toBe('valid')
    expect((await verify(first.number, first.verificationCode)).body.status).toBe('revoked')
    // and the new one is the day's document again (reused), not a third
    expect((await issued(p)).number).toBe(second.number)
  })

  test('a reason of exactly 100 characters is accepted', async () => {
    const doc = await issued(await makeDepositor())
    const reviewer = await makeReviewer('C65430')
    const res = await revoke(doc.number, '作'.repeat(100), reviewer.token)
    expect(res.status).toBe(200)
    expect(res.body.revokeReason).toBe('作'.repeat(100))
  })
})

describe('证明作废: bad input and attacks, nothing written', () => {
  test('a reviewer of another center gets the same 404 as for an unknown number', async () => {
    const doc = await issued(await makeDepositor())
    const urumqi = await makeReviewer('C65010')
    const unknown = await lookup('ZM20261203ABCDEFGHJK', urumqi.token)
    expect(unknown.status).toBe(404)

    const seen = await lookup(doc.number, urumqi.token)
    expect(seen).toEqual(unknown)
    const revoked = await revoke(doc.number, '越权作废', urumqi.token)
    expect(revoked.status).toBe(404)
    expect(revoked.body).toEqual(unknown.body)
    await untouched(doc.number)
  })

  test('a depositor token is refused (403), no token is 401; a staff member without 审批 is 403', async () => {
    const p = await makeDepositor()
    const doc = await issued(p)
    const asDepositor = await revoke(doc.number, '我要作废', p.token)
    expect(asDepositor.status).toBe(403)
    expect(asDepositor.body.message).toBe('仅限公积金中心工作人员使用')
    expect((await lookup(doc.number, p.token)).status).toBe(403)

    const anonymous = await revoke(doc.number, '我要作废')
    expect(anonymous.status).toBe(401)

    const publisher = await makeStaff('C65430', ['publisher'])
    const notReviewer = await revoke(doc.number, '我要作废', publisher.token)
    expect(notReviewer.status).toBe(403)
    expect(notReviewer.body.message).toBe('您没有审批权限')
    expect((await lookup(doc.number, publisher.token)).status).toBe(403)
    // the role is checked before the number: an unknown one is 403 too, nothing to tell them apart
    expect((await lookup('ZM20261203ABCDEFGHJK', publisher.token)).status).toBe(403)
    expect((await revoke('ZM20261203ABCDEFGHJK', '我要作废', publisher.token)).status).toBe(403)
    await untouched(doc.number)
  })

  test.each([
    ['empty', '', '请填写作废原因'],
    ['blank', '   ', '请填写作废原因'],
    ['missing', undefined, '请填写作废原因'],
    ['over 100 characters', '作'.repeat(101), '作废原因不能超过100个字'],
  ])('a reason %s → 422 with a Chinese message', async (_, reason, message) => {
    const doc = await issued(await makeDepositor())
    const reviewer = await makeReviewer('C65430')
    const res = await revoke(doc.number, reason, reviewer.token)
    expect(res.status).toBe(422)
    expect(res.body.issues).toContainEqual({ path: ['reason'], message })
    await untouched(doc.number)
  })

  test('a malformed number → 422 with a Chinese message', async () => {
    const reviewer = await makeReviewer('C65430')
    const res = await lookup('ZM-not-a-number', reviewer.token)
    expect(res.status).toBe(422)
    expect(res.body.issues).toContainEqual({ path: ['number'], message: '证明编号格式不正确' })
  })

  test('twice → 409 saying when it was annulled; the first reason and one audit entry stay', async () => {
    const doc = await issued(await makeDepositor())
    const first = await makeReviewer('C65430')
    const second = await makeReviewer('C65430')
    expect((await revoke(doc.number, '第一次作废', first.token)).status).toBe(200)
    const stored = await getDocument(doc.number)

    const twice = await revoke(doc.number, '第二次作废', second.token)
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe('ALREADY_REVOKED')
    expect(twice.body.message).toMatch(/^该证明已于\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}作废，无需再次作废$/)

    expect(await getDocument(doc.number)).toEqual(stored)
    const audits = await auditsOf(`DOC#${doc.number}`, stored?.revokedAt as string)
    expect(audits.filter((a) => a.action === 'document.revoke')).toHaveLength(1)
  })

  test('5 concurrent 作废 of one document: one succeeds, the others 409, one audit entry', async () => {
    const doc = await issued(await makeDepositor())
    const reviewers = await Promise.all([1, 2, 3, 4, 5].map(() => makeReviewer('C65430')))
    const answers = await Promise.all(reviewers.map((r, i) => revoke(doc.number, `并发作废${i + 1}`, r.token)))
    const statuses = answers.map((a) => a.status).sort()
    // a transaction meeting another in flight may be cancelled as a conflict: a retryable 503, nothing written
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.every((s) => s === 200 || s === 409 || s === 503)).toBe(true)

    const stored = await getDocument(doc.number)
    const winner = answers.find((a) => a.status === 200)
    expect(stored?.revokeReason).toBe(winner?.body.revokeReason)
    const audits = await auditsOf(`DOC#${doc.number}`, stored?.revokedAt as string)
    expect(audits.filter((a) => a.action === 'document.revoke')).toHaveLength(1)
  })
})
