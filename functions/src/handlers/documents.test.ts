import { createHash } from 'node:crypto'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { approveApplication } from '@gjj/shared/api/admin'
import { revokeDocument } from '@gjj/shared/api/document-admin'
import { getAnnualStatement, issueDocument, verifyDocument } from '@gjj/shared/api/documents'
import { chinaToday } from '@gjj/shared/clock'
import { addDays, addMonths } from '@gjj/shared/date'
import { formatYuan } from '@gjj/shared/money'
import { atInstant } from '@gjj/shared/testing/clock'
import { maskIdNumber } from '@gjj/shared/validation'
import { beforeAll, describe, expect, test } from 'vitest'
import { create, submit, uploadRequired } from '../../test/applications'
import { freshIp } from '../../test/depositor'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, makeReviewer, type TestPerson, testLoan } from '../../test/factory'
import { pdfText, renderAndReadQr } from '../../test/pdf'
import * as accounts from '../repository/accounts'
import { db, table } from '../repository/client'
import { getDepositor } from '../repository/depositors'
import { getDocument } from '../repository/documents'
import { getLoan, loanKey } from '../repository/loans'
import { seedDemoData } from '../seed/index'
import { bucket, s3 } from '../storage'
import { handler as approveHandler } from './approve-application'
import { handler as annualHandler } from './get-annual-statement'
import { handler as issueHandler } from './issue-document'
import { handler as revokeHandler } from './revoke-document'
import { handler as verifyHandler } from './verify-document'

type Issued = {
  number: string
  verificationCode: string
  pdfUrl: string
  verifyUrl: string
  sha256: string
  sizeBytes: number
  validUntil: string
  reused: boolean
  code?: string
  message?: string
}

const issue = async (p: TestPerson, input: Record<string, unknown>) => {
  const res = await issueHandler(eventFor(issueDocument, input, { token: p.token }))
  return { status: res.statusCode, body: bodyOf<Issued>(res) }
}
const verify = async (number: string, code: string, sourceIp = freshIp()) => {
  const res = await verifyHandler(eventFor(verifyDocument, { number, code }, { sourceIp }))
  return {
    status: res.statusCode,
    body: bodyOf<{ status?: string; message?: string; sha256?: string; facts?: unknown[] }>(res),
  }
}
const download = async (url: string) => {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  return new Uint8Array(await res.arrayBuffer())
}
/** the keys of every stored document PDF */
async function storedPdfs(): Promise<Set<string>> {
  const keys = new Set<string>()
  let token: string | undefined
  do {
    const out = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: 'documents/', ContinuationToken: token }),
    )
    for (const o of out.Contents ?? []) if (o.Key) keys.add(o.Key)
    token = out.IsTruncated ? out.NextContinuationToken : undefined
  } while (token)
  return keys
}
const yuan = (fen: number) => `${formatYuan(fen)}元`
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

// the centers (their names are printed on every document)
beforeAll(async () => {
  await seedDemoData()
})

async function approvedWithdrawal(p: TestPerson) {
  const { res, body: draft } = await create(p, {
    kind: 'rent',
    rentAddress: '阿勒泰市某小区',
    monthlyRentFen: 100_000,
    months: 3,
    amountFen: 300_000,
  })
  expect(res.statusCode, JSON.stringify(draft)).toBe(200)
  await uploadRequired(p, draft)
  expect((await submit(p, draft.id)).statusCode).toBe(200)
  return draft
}

describe('个人住房公积金缴存使用证明', () => {
  test('the PDF holds every figure of the account, is small, and its QR code leads to the verification page', async () => {
    const p = await makeDepositor()
    const { status, body } = await issue(p, { kind: 'deposit' })
    expect(status).toBe(200)
    expect(body.reused).toBe(false)
    const bytes = await download(body.pdfUrl)
    expect(bytes.length).toBe(body.sizeBytes)
    expect(bytes.length).toBeLessThanOrEqual(300 * 1024)
    expect(sha256(bytes)).toBe(body.sha256)

    const account = (await accounts.getAccount(p.person.accountNo)) as accounts.AccountItem
    const person = await getDepositor(p.person.depositorId)
    const { text, pages } = await pdfText(bytes)
    expect(pages).toBe(1)
    for (const expected of [
      '个人住房公积金缴存使用证明',
      '阿勒泰地区住房公积金管理中心',
      body.number,
      `验证码：${body.verificationCode}`,
      p.person.name,
      maskIdNumber(person?.idNumber as string),
      account.accountNo,
      account.employerName,
      account.openedOn,
      '账户状态正常',
      `缴存基数${yuan(account.depositBaseFen)}`,
      `月缴存额${yuan(account.personalMonthlyFen + account.employerMonthlyFen)}`,
      `缴至年月${account.paidUpTo}`,
      `账户余额${yuan(account.balanceFen)}`,
      '无住房公积金贷款',
      `有效期至${body.validUntil}`,
    ]) {
      expect(text).toContain(expected.replace(/\s+/g, ''))
    }
    expect(text).not.toContain(person?.idNumber as string)
    expect(body.validUntil).toBe(addDays(addMonths(chinaToday(), 3), -1))

    const qr = await renderAndReadQr(bytes, 'document-deposit-pdf')
    expect(qr).toBe(body.verifyUrl)
    const url = new URL(qr as string)
    const query = new URLSearchParams((url.hash.split('?')[1] ?? '') as string)
    expect(url.hash.startsWith('#/packages/docs/verify/index?')).toBe(true)
    const checked = await verify(query.get('number') as string, query.get('code') as string)
    expect(checked.status).toBe(200)
    expect(checked.body.status).toBe('valid')
    expect(checked.body.sha256).toBe(sha256(bytes))
    expect(checked.body.facts).toContainEqual({ label: '账户余额', value: `${formatYuan(account.balanceFen)} 元` })

    const stored = await getDocument(body.number)
    expect(stored).toMatchObject({ depositorId: p.person.depositorId, kind: 'deposit', sha256: body.sha256 })
  })

  test('the full ID number is printed only when the person asks for it', async () => {
    const p = await makeDepositor()
    const person = await getDepositor(p.person.depositorId)
    const { body } = await issue(p, { kind: 'deposit', fullIdNumber: true })
    const { text } = await pdfText(await download(body.pdfUrl))
    expect(text).toContain(person?.idNumber as string)
    // the public page masks it all the same
    const checked = await verify(body.number, body.verificationCode)
    expect(checked.body.facts).toContainEqual({ label: '身份证号', value: maskIdNumber(person?.idNumber as string) })
  })

  test('20 concurrent requests of one person issue one document, and leave one PDF', async () => {
    const p = await makeDepositor()
    const before = await storedPdfs()
    const answers = await Promise.all(Array.from({ length: 20 }, () => issue(p, { kind: 'deposit' })))
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200))
    expect(new Set(answers.map((a) => a.body.number)).size).toBe(1)
    // the requests that lost the race deleted their PDFs (decision 84)
    const added = [...(await storedPdfs())].filter((k) => !before.has(k))
    expect(added).toEqual([`documents/${answers[0]?.body.number}.pdf`])
    expect(answers.filter((a) => !a.body.reused).length).toBeLessThanOrEqual(1)
    const again = await issue(p, { kind: 'deposit' })
    expect(again.body).toMatchObject({ number: answers[0]?.body.number, reused: true })
  })
})

describe('贷款结清证明', () => {
  test('a loan not 结清 is refused with the reason; another person’s loan is not found', async () => {
    const p = await makeDepositor({ loan: testLoan() })
    const other = await makeDepositor({ loan: testLoan() })
    const loanNo = p.person.loan?.loanNo as string
    const open = await issue(p, { kind: 'loanSettled', subjectId: loanNo })
    expect(open.status).toBe(422)
    expect(open.body.message).toBe('该笔贷款尚未结清，结清后才能开具贷款结清证明')
    expect((await issue(other, { kind: 'loanSettled', subjectId: loanNo })).status).toBe(404)
    expect((await issue(p, { kind: 'loanSettled' })).status).toBe(404)
  })

  test('a 结清 loan: loan number, amount, dates and the 结清 date are printed', async () => {
    const p = await makeDepositor({ loan: testLoan() })
    const loanNo = p.person.loan?.loanNo as string
    const settledOn = addDays(chinaToday(), -3)
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: loanKey(loanNo),
        UpdateExpression: 'SET #s = :s, settledOn = :d, remainingPrincipalFen = :z',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'settled', ':d': settledOn, ':z': 0 },
      }),
    )
    const loan = await getLoan(loanNo)
    const { status, body } = await issue(p, { kind: 'loanSettled', subjectId: loanNo })
    expect(status).toBe(200)
    const bytes = await download(body.pdfUrl)
    const { text } = await pdfText(bytes)
    for (const expected of [
      '住房公积金贷款结清证明',
      loanNo,
      loan?.contractNo as string,
      `贷款金额${yuan(loan?.principalFen as number)}`,
      `发放日期${loan?.disbursedOn}`,
      `约定到期日期${loan?.endDate}`,
      `结清日期${settledOn}`,
    ]) {
      expect(text).toContain(expected)
    }
    expect(await renderAndReadQr(bytes, 'document-loan-settled-pdf')).toBe(body.verifyUrl)
  })
})

describe('提取业务回单', () => {
  test('only for the person’s own approved withdrawal', async () => {
    const p = await makeDepositor()
    const other = await makeDepositor()
    const reviewer = await makeReviewer('C65430')
    const app = await approvedWithdrawal(p)

    const early = await issue(p, { kind: 'withdrawalReceipt', subjectId: app.id })
    expect(early.status).toBe(422)
    expect(early.body.message).toBe('该提取申请尚未审批通过，审批通过后才能开具回单')
    expect((await issue(other, { kind: 'withdrawalReceipt', subjectId: app.id })).status).toBe(404)

    const approved = await approveHandler(
      eventFor(approveApplication, { id: app.id, opinion: '同意' }, { token: reviewer.token }),
    )
    expect(approved.statusCode).toBe(200)
    expect((await issue(other, { kind: 'withdrawalReceipt', subjectId: app.id })).status).toBe(404)
    const { status, body } = await issue(p, { kind: 'withdrawalReceipt', subjectId: app.id })
    expect(status).toBe(200)
    const { text } = await pdfText(await download(body.pdfUrl))
    for (const expected of [
      '住房公积金提取业务回单',
      '房租提取（0105）',
      app.id,
      `提取金额${yuan(300_000)}`,
      p.person.accountNo,
    ]) {
      expect(text).toContain(expected)
    }
  })
})

describe('电子证明验证', () => {
  test('a wrong code and a tampered number get the same answer; 已作废 and 已过期 only with the right code', async () => {
    const p = await makeDepositor()
    const { body } = await issue(p, { kind: 'deposit' })
    const wrongCode = await verify(body.number, body.verificationCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA')
    const last = body.number.at(-1) === 'A' ? 'B' : 'A'
    const tampered = await verify(`${body.number.slice(0, -1)}${last}`, body.verificationCode)
    expect(wrongCode.status).toBe(404)
    expect(tampered).toEqual(wrongCode)
    expect(wrongCode.body.message).toContain('无法验证')

    const expired = await atInstant(`${addDays(body.validUntil, 1)}T04:00:00Z`, () =>
      verify(body.number, body.verificationCode),
    )
    expect(expired.body.status).toBe('expired')
    const reviewer = await makeReviewer('C65430')
    const revoked = await revokeHandler(
      eventFor(revokeDocument, { number: body.number, reason: '测试作废' }, { token: reviewer.token }),
    )
    expect(revoked.statusCode).toBe(200)
    expect((await verify(body.number, body.verificationCode)).body.status).toBe('revoked')
    // revoked: a wrong code still learns nothing
    expect(await verify(body.number, 'ZZZZZZZZ')).toEqual(wrongCode)
  })

  test('30 wrong tries a minute from one client, then 429', async () => {
    const ip = freshIp()
    await atInstant('2026-12-03T02:00:05Z', async () => {
      for (let i = 0; i < 30; i++) {
        expect((await verify(`ZM20261203${String(i).padStart(10, '0')}`, 'AAAAAAAA', ip)).status).toBe(404)
      }
      const blocked = await verify('ZM202612030000000099', 'AAAAAAAA', ip)
      expect(blocked.status).toBe(429)
      // another client is not blocked
      expect((await verify('ZM202612030000000099', 'AAAAAAAA')).status).toBe(404)
    })
  })

  test('malformed input is a 422 in Chinese', async () => {
    const res = await verifyHandler(eventFor(verifyDocument, { number: 'x', code: '1' }, { sourceIp: freshIp() }))
    expect(res.statusCode).toBe(422)
  })
})

describe('年度账单', () => {
  test('the year’s figures add up to the ledger, with the year before', async () => {
    const p = await makeDepositor({ openedOn: '2020-03-10' })
    const year = Number(chinaToday().slice(0, 4)) - 1
    const res = await annualHandler(eventFor(getAnnualStatement, { year }, { token: p.token }))
    expect(res.statusCode).toBe(200)
    const s = bodyOf<{
      months: { month: number; depositFen: number }[]
      depositFen: number
      interestFen: number
      openingBalanceFen: number
      closingBalanceFen: number
      withdrawalFen: number
      interestSettledOn: string | null
      previous: { closingBalanceFen: number; year: number } | null
    }>(res)
    const ledger = (await accounts.listLedger(p.person.accountNo, { limit: 500, year })).items
    const deposits = ledger.filter((e) => e.type === '01' || e.type === '02')
    expect(s.months).toHaveLength(12)
    expect(s.months.reduce((t, m) => t + m.depositFen, 0)).toBe(s.depositFen)
    expect(s.depositFen).toBe(deposits.reduce((t, e) => t + e.amountFen, 0))
    expect(s.depositFen).toBeGreaterThan(0)
    expect(s.interestFen).toBe(ledger.filter((e) => e.type === '09').reduce((t, e) => t + e.amountFen, 0))
    expect(s.interestSettledOn).toBe(`${year}-07-01`)
    expect(s.closingBalanceFen).toBe(s.openingBalanceFen + s.depositFen + s.interestFen - s.withdrawalFen)
    expect(s.previous?.year).toBe(year - 1)
    expect(s.previous?.closingBalanceFen).toBe(s.openingBalanceFen)
  })

  test('a year out of range is a 422', async () => {
    const p = await makeDepositor()
    const res = await annualHandler(eventFor(getAnnualStatement, { year: 1800 }, { token: p.token }))
    expect(res.statusCode).toBe(422)
  })
})
