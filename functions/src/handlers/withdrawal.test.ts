import { randomUUID } from 'node:crypto'
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { approveApplication, getReviewDetail, listReviewQueue, returnApplication } from '@gjj/shared/api/admin'
import {
  endApplication,
  getApplication,
  listTodo,
  requestUploadUrl,
  submitApplication,
  updateApplication,
} from '@gjj/shared/api/application'
import { addBankCard } from '@gjj/shared/api/bank-card'
import { listCenters } from '@gjj/shared/api/system'
import { getWithdrawalQuote, listWithdrawalKinds } from '@gjj/shared/api/withdrawal'
import { APPLICATION_KINDS } from '@gjj/shared/catalog'
import { chinaToday } from '@gjj/shared/clock'
import { atInstant } from '@gjj/shared/testing/clock'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { create, type Detail, sealed, submit, uploadRequired } from '../../test/applications'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, makeReviewer, setBalance, testLoan } from '../../test/factory'
import { countCalls } from '../../test/publishing'
import { tokenHash } from '../lib/tokens'
import * as accounts from '../repository/accounts'
import { getApplication as getApp } from '../repository/applications'
import { centerKey, putCenters } from '../repository/centers'
import { db, table } from '../repository/client'
import { recountQueue } from '../repository/queue'
import { sessionKey } from '../repository/sessions'
import { staffKey } from '../repository/staff'
import { seedDemoData } from '../seed/index'
import { openSession } from '../services/sessions'
import { handler as addBankCardHandler } from './add-bank-card'
import { handler as approveHandler } from './approve-application'
import { handler as endHandler } from './end-application'
import { handler as getHandler } from './get-application'
import { handler as reviewDetailHandler } from './get-review-detail'
import { handler as quoteHandler } from './get-withdrawal-quote'
import { handler as centersHandler } from './list-centers'
import { handler as queueHandler } from './list-review-queue'
import { handler as todoHandler } from './list-todo'
import { handler as kindsHandler } from './list-withdrawal-kinds'
import { handler as uploadHandler } from './request-upload-url'
import { handler as returnHandler } from './return-application'
import { handler as submitHandler } from './submit-application'
import { handler as updateHandler } from './update-application'

beforeAll(async () => {
  await seedDemoData()
})

afterEach(() => {
  vi.restoreAllMocks()
})

async function ledgerOf(accountNo: string) {
  return (await accounts.listLedger(accountNo, { limit: 1000 })).items
}

describe('我要提取', () => {
  test('a depositor with a fund loan may only use 偿还购房贷款本息提取 among the partial kinds', async () => {
    const p = await makeDepositor({ loan: testLoan() })
    const res = await kindsHandler(eventFor(listWithdrawalKinds, {}, { token: p.token }))
    const { kinds } = bodyOf<{
      kinds: {
        kind: string
        eligible: boolean
        ineligibleReason: string | null
        maxAmountFen: number
        hint: string | null
      }[]
    }>(res)
    const by = Object.fromEntries(kinds.map((k) => [k.kind, k]))
    expect(by.rent?.eligible).toBe(false)
    expect(by.rent?.ineligibleReason).toBe('您有未结清的公积金贷款，仅可办理偿还购房贷款本息提取')
    expect(by.propertyFee?.eligible).toBe(false)
    expect(by.loanRepayment?.eligible).toBe(true)
    expect(by.loanRepayment?.maxAmountFen).toBeGreaterThan(0)
    expect(by.termination?.eligible).toBe(false)
    // born 1990: 离、退休提取 is open with a 离、退休证明, which the list says
    expect(by.retirement?.hint).toBe('未达法定退休年龄的，须上传离、退休证明')
  })

  test("a center's own policy (stored on its CENTER item) closes kinds and lowers the counter limit", async () => {
    const code = `C9${String(Date.now()).slice(-4)}`
    await putCenters([
      {
        code,
        name: '测试住房公积金管理中心',
        shortName: '测试中心',
        hotline: '12329',
        region: '测试',
        policy: {
          openKinds: APPLICATION_KINDS.filter((k) => k !== 'rent'),
          counterThresholdFen: 1_000_000,
        },
      },
    ])
    try {
      const p = await makeDepositor({ centerCode: code, sealedMonthsAgo: 8 })
      const { kinds, limits } = bodyOf<{
        kinds: { kind: string; eligible: boolean; ineligibleReason: string | null; hint: string | null }[]
        limits: { counterThresholdFen: number; rent: { monthlyCapFen: number } }
      }>(await kindsHandler(eventFor(listWithdrawalKinds, {}, { token: p.token })))
      // the form checks the center's own figures as the person types
      expect(limits.counterThresholdFen).toBe(1_000_000)
      expect(limits.rent.monthlyCapFen).toBe(150_000)
      const by = Object.fromEntries(kinds.map((k) => [k.kind, k]))
      // 显示中心开放的业务: a closed kind is not offered, and asking for it directly is refused
      expect(by.rent).toBeUndefined()
      expect(by.propertyFee).toBeDefined()
      const rent = await create(p, {
        kind: 'rent',
        rentAddress: '测试市某小区',
        monthlyRentFen: 100_000,
        months: 1,
        amountFen: 100_000,
      })
      expect(rent.res.statusCode).toBe(422)
      expect(rent.body.message).toBe('本中心暂未开放此项业务')
      expect(by.termination?.eligible).toBe(false)
      expect(by.termination?.ineligibleReason).toBe('提取金额达到10,000.00元，请携带材料到中心柜台办理')
      // the policy is the center's business, not the login page's
      const listed = bodyOf<{ centers: Record<string, unknown>[] }>(await centersHandler(eventFor(listCenters, {})))
      const mine = listed.centers.find((c) => c.code === code)
      expect(mine?.name).toBe('测试住房公积金管理中心')
      expect(mine).not.toHaveProperty('policy')
    } finally {
      await db.send(new DeleteCommand({ TableName: table, Key: centerKey(code) }))
    }
  })

  test('the closing quote is 余额 + 销户利息 = 提取金额合计', async () => {
    const p = await sealed()
    const res = await quoteHandler(eventFor(getWithdrawalQuote, { kind: 'termination' }, { token: p.token }))
    expect(res.statusCode).toBe(200)
    const q = bodyOf<{ balanceFen: number; closingInterestFen: number; totalFen: number; eligible: boolean }>(res)
    expect(q.eligible).toBe(true)
    expect(q.closingInterestFen).toBeGreaterThan(0)
    expect(q.totalFen).toBe(q.balanceFen + q.closingInterestFen)
  })
})

describe('a termination withdrawal from application to approval', () => {
  // issue 14 (decisions 68, 85): submit ≤ 4 and approve ≤ 3 round trips, counted exactly, so any new
  // one fails here
  test('submit and approve of a closing withdrawal: their DynamoDB round trips', async () => {
    const p = await sealed()
    const reviewer = await makeReviewer('C65430')
    const { body: draft } = await create(p, { kind: 'termination' })
    await uploadRequired(p, draft)
    const submitted = await countCalls(() => submit(p, draft.id))
    expect(submitted.result.statusCode).toBe(200)
    // the application's collection; the session with the center, the profile, the kind's markers and
    // the card (one BatchGetItem) beside the account with its ledger since June 30; the transaction,
    // which also moves the session's idle deadline
    expect(submitted.calls.sort()).toEqual(
      ['QueryCommand', 'BatchGetCommand', 'QueryCommand', 'TransactWriteCommand'].sort(),
    )
    const approved = await countCalls(() =>
      approveHandler(eventFor(approveApplication, { id: draft.id }, { token: reviewer.token })),
    )
    expect(approved.result.statusCode).toBe(200)
    // the session with the application (one BatchGetItem), the account with its ledger, the
    // transaction (with the reviewer's role checked again and the session's idle deadline moved)
    expect(approved.calls).toEqual(['BatchGetCommand', 'QueryCommand', 'TransactWriteCommand'])
  })

  test("submit and approve of a plain withdrawal (房租): the account rides in the session's BatchGetItem", async () => {
    const p = await makeDepositor()
    const reviewer = await makeReviewer('C65430')
    const { body: draft } = await create(p, {
      kind: 'rent',
      rentAddress: '阿勒泰市某小区',
      monthlyRentFen: 150_000,
      months: 1,
      amountFen: 150_000,
    })
    await uploadRequired(p, draft)
    const submitted = await countCalls(() => submit(p, draft.id))
    expect(submitted.result.statusCode).toBe(200)
    // the application's collection; the session with the center, profile, markers, card and account
    expect(submitted.calls).toEqual(['QueryCommand', 'BatchGetCommand', 'TransactWriteCommand'])
    const approved = await countCalls(() =>
      approveHandler(eventFor(approveApplication, { id: draft.id }, { token: reviewer.token })),
    )
    expect(approved.result.statusCode).toBe(200)
    expect(approved.calls).toEqual(['BatchGetCommand', 'GetCommand', 'TransactWriteCommand'])
  })

  test('returned with a reason, resubmitted, approved: the money moves once and the account closes', async () => {
    const p = await sealed()
    const reviewer = await makeReviewer('C65430')
    const { res, body: draft } = await create(p, { kind: 'termination' })
    expect(res.statusCode).toBe(200)
    expect(draft.status).toBe('draft')

    // submit with a missing required file names the category
    const early = await submit(p, draft.id)
    expect(early.statusCode).toBe(422)
    expect(bodyOf<{ message: string }>(early).message).toContain('身份证')

    await uploadRequired(p, draft)
    const submitted = await submit(p, draft.id)
    expect(submitted.statusCode).toBe(200)
    expect(bodyOf<{ status: string }>(submitted).status).toBe('submitted')

    const queue = bodyOf<{ items: { id: string }[] }>(
      await queueHandler(eventFor(listReviewQueue, {}, { token: reviewer.token })),
    )
    expect(queue.items.map((i) => i.id)).toContain(draft.id)

    const detail = await reviewDetailHandler(eventFor(getReviewDetail, { id: draft.id }, { token: reviewer.token }))
    expect(detail.statusCode).toBe(200)
    const files = bodyOf<{ archive: { files: { url: string }[] }[] }>(detail).archive.flatMap((a) => a.files)
    expect(files.length).toBeGreaterThanOrEqual(3)
    const view = await fetch(files[0]?.url as string)
    expect(view.status).toBe(200)

    const returned = await returnHandler(
      eventFor(returnApplication, { id: draft.id, reason: '银行卡照片不清晰，请重新上传' }, { token: reviewer.token }),
    )
    expect(returned.statusCode).toBe(200)
    const todo = bodyOf<{ items: { id: string; returnReason: string }[] }>(
      await todoHandler(eventFor(listTodo, {}, { token: p.token })),
    )
    expect(todo.items).toEqual([
      expect.objectContaining({ id: draft.id, returnReason: '银行卡照片不清晰，请重新上传' }),
    ])

    // approve after return changes nothing and says why
    const tooEarly = await approveHandler(eventFor(approveApplication, { id: draft.id }, { token: reviewer.token }))
    expect(tooEarly.statusCode).toBe(409)
    expect(bodyOf<{ message: string }>(tooEarly).message).toBe('该申请已退回，不能审批')

    expect((await submit(p, draft.id)).statusCode).toBe(200)
    const before = await accounts.getAccount(p.person.accountNo)
    const approved = await approveHandler(
      eventFor(approveApplication, { id: draft.id, opinion: '材料齐全，同意' }, { token: reviewer.token }),
    )
    expect(approved.statusCode).toBe(200)
    const after = await accounts.getAccount(p.person.accountNo)
    expect(after?.balanceFen).toBe(0)
    expect(after?.status).toBe('05')
    const entries = await ledgerOf(p.person.accountNo)
    const payout = entries.filter((e) => e.type === '12')
    expect(payout).toHaveLength(1)
    const interest = entries.filter((e) => e.summary === '销户结息')
    expect(-(payout[0]?.amountFen as number)).toBe(
      (before?.balanceFen as number) + ((interest[0]?.amountFen as number) ?? 0),
    )

    const second = await approveHandler(eventFor(approveApplication, { id: draft.id }, { token: reviewer.token }))
    expect(second.statusCode).toBe(409)
    expect(bodyOf<{ message: string }>(second).message).toBe('该申请已审批通过，请勿重复操作')

    const timeline = bodyOf<Detail>(
      await getHandler(eventFor(getApplication, { id: draft.id }, { token: p.token })),
    ).timeline
    expect(timeline.map((e) => e.action)).toEqual(['create', 'submit', 'return', 'resubmit', 'approve'])
    expect(timeline[2]?.opinion).toBe('银行卡照片不清晰，请重新上传')
  })
})

describe('结束流程', () => {
  test('a returned application is ended by the depositor; the kind can then be applied for again', async () => {
    const p = await sealed()
    const reviewer = await makeReviewer('C65430')
    const { body: app } = await create(p, { kind: 'termination' })
    await uploadRequired(p, app)
    expect((await submit(p, app.id)).statusCode).toBe(200)
    // while it is being reviewed the depositor cannot end it, nor start another of the kind
    const busy = await endHandler(eventFor(endApplication, { id: app.id }, { token: p.token }))
    expect(busy.statusCode).toBe(409)
    expect((await create(p, { kind: 'termination' })).res.statusCode).toBe(422)
    await returnHandler(eventFor(returnApplication, { id: app.id, reason: '请补充材料' }, { token: reviewer.token }))

    const ended = await endHandler(eventFor(endApplication, { id: app.id }, { token: p.token }))
    expect(ended.statusCode).toBe(200)
    expect(bodyOf<{ status: string }>(ended).status).toBe('ended')
    const todo = bodyOf<{ items: unknown[] }>(await todoHandler(eventFor(listTodo, {}, { token: p.token })))
    expect(todo.items).toEqual([])
    const queue = bodyOf<{ items: { id: string }[] }>(
      await queueHandler(eventFor(listReviewQueue, { status: 'returned' }, { token: reviewer.token })),
    )
    expect(queue.items.map((i) => i.id)).not.toContain(app.id)
    const again = await endHandler(eventFor(endApplication, { id: app.id }, { token: p.token }))
    expect(again.statusCode).toBe(409)
    expect(bodyOf<{ message: string }>(again).message).toBe('该申请已结束，请勿重复操作')
    const timeline = bodyOf<Detail>(
      await getHandler(eventFor(getApplication, { id: app.id }, { token: p.token })),
    ).timeline
    expect(timeline.map((e) => e.action)).toEqual(['create', 'submit', 'return', 'end'])

    const next = await create(p, { kind: 'termination' })
    expect(next.res.statusCode).toBe(200)
    expect(next.body.id).not.toBe(app.id)
  })
})

describe('the review queue', () => {
  test("a center's queue pages oldest first and filters by kind, name or account and status", async () => {
    // a center of its own, so that only these applications are in its queue
    const centerCode = `C8${String(Date.now()).slice(-4)}`
    const reviewer = await makeReviewer(centerCode)
    const people = [await sealed(centerCode), await sealed(centerCode), await sealed(centerCode)]
    const ids: string[] = []
    for (const p of people) {
      const { body: app } = await create(p, { kind: 'termination' })
      await uploadRequired(p, app)
      expect((await submit(p, app.id)).statusCode).toBe(200)
      ids.push(app.id)
    }
    type Page = { items: { id: string; depositorName: string }[]; nextCursor: string | null }
    const list = async (input: Record<string, unknown>) =>
      bodyOf<Page>(await queueHandler(eventFor(listReviewQueue, input, { token: reviewer.token })))

    const first = await list({ limit: 2 })
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 2))
    expect(first.nextCursor).not.toBeNull()
    const second = await list({ limit: 2, cursor: first.nextCursor })
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(2))

    // filtered pages are full pages: the 2nd and 3rd match 'account or name' only one at a time
    const byName = await list({ q: people[1]?.person.name, limit: 1 })
    expect(byName.items.map((i) => i.id)).toEqual([ids[1]])
    const byAccount = await list({ q: people[2]?.person.accountNo })
    expect(byAccount.items.map((i) => i.id)).toEqual([ids[2]])
    expect((await list({ kind: 'rent' })).items).toEqual([])
    expect((await list({ kind: 'termination' })).items).toHaveLength(3)
    expect((await list({ status: 'approved' })).items).toEqual([])
    // 提交日期 is a China date (its whole day at any hour: china-dates.test.ts)
    expect((await list({ submittedFrom: chinaToday(), submittedTo: chinaToday() })).items).toHaveLength(3)
    expect((await list({ submittedTo: '2020-01-01' })).items).toEqual([])

    // a cursor from another query is refused
    const bad = await queueHandler(
      eventFor(listReviewQueue, { status: 'approved', cursor: first.nextCursor }, { token: reviewer.token }),
    )
    expect(bad.statusCode).toBe(422)
  })

  test('counts per status move with every step, exactly, and the list sorts either way by submission time', async () => {
    const centerCode = `C7${String(Date.now()).slice(-4)}`
    const reviewer = await makeReviewer(centerCode)
    const ids: string[] = []
    const people = []
    for (let i = 0; i < 6; i++) {
      const p = await sealed(centerCode)
      const { body: app } = await create(p, { kind: 'termination' })
      await uploadRequired(p, app)
      expect((await submit(p, app.id)).statusCode).toBe(200)
      ids.push(app.id)
      people.push(p)
    }
    type Page = { items: { id: string }[]; nextCursor: string | null; counts: Record<string, number> | null }
    const list = async (input: Record<string, unknown>) =>
      bodyOf<Page>(await queueHandler(eventFor(listReviewQueue, input, { token: reviewer.token })))
    expect((await list({})).counts).toEqual({ submitted: 6, returned: 0, approved: 0 })

    // four approvals at once (different applications, one center) and one return
    const approvals = await Promise.all(
      ids.slice(0, 4).map((id) => approveHandler(eventFor(approveApplication, { id }, { token: reviewer.token }))),
    )
    expect(approvals.map((r) => r.statusCode)).toEqual([200, 200, 200, 200])
    const returned = await returnHandler(
      eventFor(returnApplication, { id: ids[4], reason: '请补充材料' }, { token: reviewer.token }),
    )
    expect(returned.statusCode).toBe(200)
    const first = await list({ status: 'approved', limit: 2 })
    expect(first.counts).toEqual({ submitted: 1, returned: 1, approved: 4 })
    // pages after the first carry no counts (the first page's stand for the list)
    expect((await list({ status: 'approved', limit: 2, cursor: first.nextCursor })).counts).toBeNull()

    // the returned one resubmitted: back to 待审批
    const again = await submit(people[4] as (typeof people)[number], ids[4] as string)
    expect(again.statusCode).toBe(200)
    expect((await list({})).counts).toEqual({ submitted: 2, returned: 0, approved: 4 })

    // approved history is newest first unless asked otherwise; 待审批 oldest first unless asked otherwise
    const approvedIds = ids.slice(0, 4)
    const newest = (await list({ status: 'approved' })).items.map((i) => i.id)
    const oldest = (await list({ status: 'approved', order: 'asc' })).items.map((i) => i.id)
    expect(new Set(newest)).toEqual(new Set(approvedIds))
    expect(oldest).toEqual([...newest].reverse())
    // (a resubmission is submitted anew: it queues behind the ones waiting)
    expect((await list({})).items.map((i) => i.id)).toEqual([ids[5], ids[4]])
    expect((await list({ order: 'desc' })).items.map((i) => i.id)).toEqual([ids[4], ids[5]])

    // counted afresh from the entries (a table from before the counters): the same figures
    expect(await recountQueue(centerCode)).toEqual({ submitted: 2, returned: 0, approved: 4 })
    expect((await list({})).counts).toEqual({ submitted: 2, returned: 0, approved: 4 })

    // another center's counts are its own
    const other = await makeReviewer(`C6${String(Date.now()).slice(-4)}`)
    const theirs = bodyOf<Page>(await queueHandler(eventFor(listReviewQueue, {}, { token: other.token })))
    expect(theirs.counts).toEqual({ submitted: 0, returned: 0, approved: 0 })

    // a bad order is refused in Chinese
    const bad = await queueHandler(eventFor(listReviewQueue, { order: 'sideways' }, { token: reviewer.token }))
    expect(bad.statusCode).toBe(422)
    expect(bodyOf<{ message: string }>(bad).message).toBe('排序方式只能是 asc 或 desc')
  })
})

describe('bad input changes nothing', () => {
  test.each([
    [{ amountFen: 0 }, 422],
    [{ amountFen: -100 }, 422],
    [{ amountFen: 12.5 }, 422],
    [{ amountFen: 9_999_999_99 }, 422],
  ])('a rent withdrawal of %o is refused', async (amount, status) => {
    const p = await makeDepositor()
    const { res } = await create(p, {
      kind: 'rent',
      rentAddress: '阿勒泰市某小区',
      monthlyRentFen: 100_000,
      months: 3,
      ...amount,
    })
    expect(res.statusCode).toBe(status)
    expect(bodyOf<{ message: string }>(res).message).toMatch(/[\u4e00-\u9fa5]/)
  })

  test('a rent withdrawal over the kind’s limit names the limit', async () => {
    const p = await makeDepositor()
    const { res } = await create(p, {
      kind: 'rent',
      rentAddress: '阿勒泰市某小区',
      monthlyRentFen: 100_000,
      months: 3,
      amountFen: 300_001,
    })
    expect(res.statusCode).toBe(422)
    expect(bodyOf<{ message: string }>(res).message).toContain('3,000.00')
  })

  test('an amount over the balance says 账户余额不足', async () => {
    const p = await makeDepositor()
    await setBalance(p.person.accountNo, 50_000)
    const { res } = await create(p, {
      kind: 'propertyFee',
      propertyAddress: '阿勒泰市某小区',
      months: 12,
      amountFen: 60_000,
    })
    expect(res.statusCode).toBe(422)
    expect(bodyOf<{ message: string }>(res).message).toBe('账户余额不足')
  })

  test('a card failing the Luhn check, or someone else’s card, is refused', async () => {
    const p = await makeDepositor()
    const other = await makeDepositor()
    const bad = await addBankCardHandler(
      eventFor(addBankCard, { cardNo: '6217000010000000001', bankName: '中国建设银行' }, { token: p.token }),
    )
    expect(bad.statusCode).toBe(422)
    const { res } = await create(p, { kind: 'termination', bankCardId: other.cardId })
    expect([422, 409]).toContain(res.statusCode)
  })
})

describe('people only reach their own applications', () => {
  test('depositor A cannot read, change, upload to or submit B’s application; another center’s reviewer cannot open it', async () => {
    const b = await sealed()
    const a = await makeDepositor()
    const { body: app } = await create(b, { kind: 'termination' })
    const asA = { token: a.token }
    expect((await getHandler(eventFor(getApplication, { id: app.id }, asA))).statusCode).toBe(404)
    expect(
      (await updateHandler(eventFor(updateApplication, { id: app.id, kind: 'termination', bankCardId: a.cardId }, asA)))
        .statusCode,
    ).toBe(404)
    expect(
      (
        await uploadHandler(
          eventFor(
            requestUploadUrl,
            { id: app.id, category: 'idCard', fileName: 'a.png', contentType: 'image/png', size: 10 },
            asA,
          ),
        )
      ).statusCode,
    ).toBe(404)
    expect((await submit(a, app.id)).statusCode).toBe(404)
    expect((await endHandler(eventFor(endApplication, { id: app.id }, asA))).statusCode).toBe(404)

    const urumqi = await makeReviewer('C65010')
    expect(
      (await reviewDetailHandler(eventFor(getReviewDetail, { id: app.id }, { token: urumqi.token }))).statusCode,
    ).toBe(404)
    expect(
      (await approveHandler(eventFor(approveApplication, { id: app.id }, { token: urumqi.token }))).statusCode,
    ).toBe(404)
  })

  test('a depositor token on an /api/admin route is refused with 403', async () => {
    const p = await makeDepositor()
    const res = await queueHandler(eventFor(listReviewQueue, {}, { token: p.token }))
    expect(res.statusCode).toBe(403)
  })
})

describe('the upload policy', () => {
  test('fixes the key, the exact content type, 1 byte to 10 MB, and expires in 5 minutes', async () => {
    const p = await sealed()
    const { body: app } = await create(p, { kind: 'termination' })
    const res = await uploadHandler(
      eventFor(
        requestUploadUrl,
        { id: app.id, category: 'idCard', fileName: 'id.jpg', contentType: 'image/jpeg', size: 2048 },
        { token: p.token },
      ),
    )
    const { fields } = bodyOf<{ fields: Record<string, string> }>(res)
    const policy = JSON.parse(Buffer.from(fields.Policy as string, 'base64').toString('utf8')) as {
      expiration: string
      conditions: unknown[]
    }
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 10 * 1024 * 1024])
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'image/jpeg'])
    expect(policy.conditions).toContainEqual({ key: fields.key })
    expect(fields.key).toMatch(new RegExp(`^uploads/${app.id}/`))
    // five minutes from the signing time (X-Amz-Date: 20261202T163000Z)
    const signed = Date.parse(
      (fields['X-Amz-Date'] as string).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
    )
    const seconds = (Date.parse(policy.expiration) - signed) / 1000
    expect(seconds).toBeGreaterThan(299)
    expect(seconds).toBeLessThanOrEqual(300)

    const tooBig = await uploadHandler(
      eventFor(
        requestUploadUrl,
        { id: app.id, category: 'idCard', fileName: 'id.jpg', contentType: 'image/jpeg', size: 10 * 1024 * 1024 + 1 },
        { token: p.token },
      ),
    )
    expect(tooBig.statusCode).toBe(422)
    const wrongType = await uploadHandler(
      eventFor(
        requestUploadUrl,
        { id: app.id, category: 'idCard', fileName: 'id.exe', contentType: 'application/x-msdownload', size: 10 },
        { token: p.token },
      ),
    )
    expect(wrongType.statusCode).toBe(422)
  })
})

describe('money moves exactly once', () => {
  async function readyToSubmit() {
    const p = await sealed()
    const { body: app } = await create(p, { kind: 'termination' })
    await uploadRequired(p, app)
    return { p, app }
  }

  test('20 concurrent submits of one application give exactly one 待审批', async () => {
    const { p, app } = await readyToSubmit()
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(p, app.id)))
    const won = results.filter((r) => r.statusCode === 200).length
    expect(won).toBeLessThanOrEqual(1)
    // the losers hear "already submitted" (409) or, when the storage was busy, "try again" (503)
    expect(results.map((r) => r.statusCode).filter((s) => ![200, 409, 503].includes(s ?? 0))).toEqual([])
    // when DynamoDB Local answered every one of them busy (InternalError → 503), the person's
    // retry goes through, once
    if (won === 0) expect((await submit(p, app.id)).statusCode).toBe(200)
    const detail = bodyOf<Detail>(await getHandler(eventFor(getApplication, { id: app.id }, { token: p.token })))
    expect(detail.status).toBe('submitted')
    expect(detail.timeline.filter((e) => e.action === 'submit')).toHaveLength(1)
  })

  test('10 concurrent submits with one idempotency key all answer the same 待审批', async () => {
    const { p, app } = await readyToSubmit()
    const key = randomUUID()
    const results = await Promise.all(Array.from({ length: 10 }, () => submit(p, app.id, key)))
    const codes = results.map((r) => r.statusCode)
    // a request that met the storage busy with the same transaction may be told to retry
    expect(codes.filter((c) => c !== 200 && c !== 503)).toEqual([])
    const ok = results.filter((r) => r.statusCode === 200).map((r) => bodyOf<{ status: string }>(r))
    expect(ok.length).toBeGreaterThanOrEqual(1)
    for (const body of ok) expect(body.status).toBe('submitted')
    const detail = bodyOf<Detail>(await getHandler(eventFor(getApplication, { id: app.id }, { token: p.token })))
    expect(detail.timeline.filter((e) => e.action === 'submit')).toHaveLength(1)
  })

  test('a repeated submit with the same idempotency key returns the same result', async () => {
    const { p, app } = await readyToSubmit()
    const key = randomUUID()
    const [one, two] = [await submit(p, app.id, key), await submit(p, app.id, key)]
    expect(one.statusCode).toBe(200)
    expect(bodyOf(two)).toEqual(bodyOf(one))
  })

  test('an idempotency key scopes one submit attempt: after a return the first key is refused, a fresh one resubmits', async () => {
    const { p, app } = await readyToSubmit()
    const reviewer = await makeReviewer('C65430')
    const first = randomUUID()
    expect((await submit(p, app.id, first)).statusCode).toBe(200)
    await returnHandler(eventFor(returnApplication, { id: app.id, reason: '请补充材料' }, { token: reviewer.token }))

    // the first attempt's key again (a client retrying an old request): a clear answer, not "try again"
    const stale = await submit(p, app.id, first)
    expect(stale.statusCode).toBe(409)
    expect(stale.headers?.['retry-after']).toBeUndefined()
    expect(bodyOf<{ code: string; message: string }>(stale)).toEqual({
      code: 'SUBMIT_KEY_USED',
      message: '该提交请求已处理，请刷新后重试',
    })
    const meanwhile = bodyOf<Detail>(await getHandler(eventFor(getApplication, { id: app.id }, { token: p.token })))
    expect(meanwhile.status).toBe('returned')

    const second = randomUUID()
    const resubmitted = await submit(p, app.id, second)
    expect(resubmitted.statusCode).toBe(200)
    expect(bodyOf<{ status: string }>(resubmitted).status).toBe('submitted')
    // the same attempt repeated answers the same; the old key is still an old key
    expect(bodyOf(await submit(p, app.id, second))).toEqual(bodyOf(resubmitted))
    expect((await submit(p, app.id, first)).statusCode).toBe(409)

    const timeline = bodyOf<Detail>(
      await getHandler(eventFor(getApplication, { id: app.id }, { token: p.token })),
    ).timeline
    expect(timeline.map((e) => e.action)).toEqual(['create', 'submit', 'return', 'resubmit'])
  })

  test('10 concurrent resubmits with one fresh key after a return all answer the same 待审批', async () => {
    const { p, app } = await readyToSubmit()
    const reviewer = await makeReviewer('C65430')
    expect((await submit(p, app.id)).statusCode).toBe(200)
    await returnHandler(eventFor(returnApplication, { id: app.id, reason: '请补充材料' }, { token: reviewer.token }))
    const key = randomUUID()
    const results = await Promise.all(Array.from({ length: 10 }, () => submit(p, app.id, key)))
    expect(results.map((r) => r.statusCode).filter((c) => c !== 200 && c !== 503)).toEqual([])
    for (const r of results.filter((r) => r.statusCode === 200)) {
      expect(bodyOf<{ status: string }>(r).status).toBe('submitted')
    }
    const detail = bodyOf<Detail>(await getHandler(eventFor(getApplication, { id: app.id }, { token: p.token })))
    expect(detail.timeline.filter((e) => e.action === 'resubmit')).toHaveLength(1)
  })

  test('10 concurrent approvals by two reviewers write one ledger record and one balance change', async () => {
    const { p, app } = await readyToSubmit()
    expect((await submit(p, app.id)).statusCode).toBe(200)
    const [r1, r2] = await Promise.all([makeReviewer('C65430'), makeReviewer('C65430')])
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        approveHandler(eventFor(approveApplication, { id: app.id }, { token: (i % 2 ? r1 : r2).token })),
      ),
    )
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1)
    const payouts = (await ledgerOf(p.person.accountNo)).filter((e) => e.type === '12')
    expect(payouts).toHaveLength(1)
    expect((await accounts.getAccount(p.person.accountNo))?.balanceFen).toBe(0)
  })

  test('two approvals whose sum exceeds the balance: the second fails with 账户余额不足 and writes nothing', async () => {
    const p = await makeDepositor()
    const reviewer = await makeReviewer('C65430')
    const rent = await create(p, {
      kind: 'rent',
      rentAddress: '阿勒泰市某小区',
      monthlyRentFen: 150_000,
      months: 1,
      amountFen: 150_000,
    })
    const fee = await create(p, {
      kind: 'propertyFee',
      propertyAddress: '阿勒泰市某小区',
      months: 12,
      amountFen: 100_000,
    })
    for (const a of [rent.body, fee.body]) {
      await uploadRequired(p, a)
      expect((await submit(p, a.id)).statusCode).toBe(200)
    }
    await setBalance(p.person.accountNo, 200_000)
    const first = await approveHandler(eventFor(approveApplication, { id: rent.body.id }, { token: reviewer.token }))
    expect(first.statusCode).toBe(200)
    const ledgerBefore = await ledgerOf(p.person.accountNo)
    const second = await approveHandler(eventFor(approveApplication, { id: fee.body.id }, { token: reviewer.token }))
    expect(second.statusCode).toBe(422)
    expect(bodyOf<{ message: string }>(second).message).toBe('账户余额不足')
    expect((await accounts.getAccount(p.person.accountNo))?.balanceFen).toBe(50_000)
    expect(await ledgerOf(p.person.accountNo)).toHaveLength(ledgerBefore.length)
    const feeNow = bodyOf<Detail>(await getHandler(eventFor(getApplication, { id: fee.body.id }, { token: p.token })))
    expect(feeNow.status).toBe('submitted')
  })

  test('a transaction cancelled only by another in flight (TransactionConflict) is tried again and goes through once', async () => {
    const { p, app } = await readyToSubmit()
    expect((await submit(p, app.id)).statusCode).toBe(200)
    const reviewer = await makeReviewer('C65430')
    const balanceBefore = (await accounts.getAccount(p.person.accountNo))?.balanceFen as number
    const ledgerBefore = (await ledgerOf(p.person.accountNo)).length
    const send = db.send.bind(db)
    let conflicts = 2
    vi.spyOn(db, 'send').mockImplementation(((command: { constructor: { name: string } }) => {
      if (command.constructor.name === 'TransactWriteCommand' && conflicts > 0) {
        conflicts--
        const reasons = [{ Code: 'None' }, { Code: 'TransactionConflict' }]
        return Promise.reject(
          Object.assign(new Error('TransactionCanceledException'), {
            name: 'TransactionCanceledException',
            CancellationReasons: reasons,
          }),
        )
      }
      return send(command as never)
    }) as never)
    const res = await approveHandler(eventFor(approveApplication, { id: app.id }, { token: reviewer.token }))
    vi.restoreAllMocks()
    expect(conflicts).toBe(0)
    expect(res.statusCode).toBe(200)
    const after = bodyOf<Detail>(await getHandler(eventFor(getApplication, { id: app.id }, { token: p.token })))
    expect(after.status).toBe('approved')
    expect(after.timeline.filter((e) => e.action === 'approve')).toHaveLength(1)
    // the closing withdrawal's records, once: more than before, and the account emptied once
    expect((await ledgerOf(p.person.accountNo)).length).toBeGreaterThan(ledgerBefore)
    expect((await accounts.getAccount(p.person.accountNo))?.balanceFen).toBeLessThan(balanceBefore)
  })

  test.each([
    ['TransactionCanceledException', { CancellationReasons: [{ Code: 'TransactionConflict' }] }],
    ['ThrottlingException', {}],
  ])('a %s at the transaction is a retryable 503 and leaves everything as it was', async (name, extra) => {
    const { p, app } = await readyToSubmit()
    expect((await submit(p, app.id)).statusCode).toBe(200)
    const reviewer = await makeReviewer('C65430')
    const balanceBefore = (await accounts.getAccount(p.person.accountNo))?.balanceFen
    const ledgerBefore = (await ledgerOf(p.person.accountNo)).length
    const send = db.send.bind(db)
    vi.spyOn(db, 'send').mockImplementation(((command: { constructor: { name: string } }) => {
      if (command.constructor.name === 'TransactWriteCommand') {
        return Promise.reject(Object.assign(new Error(name), { name, ...extra }))
      }
      return send(command as never)
    }) as never)
    const res = await approveHandler(eventFor(approveApplication, { id: app.id }, { token: reviewer.token }))
    vi.restoreAllMocks()
    expect(res.statusCode).toBe(503)
    expect(res.headers?.['retry-after']).toBeDefined()
    expect(bodyOf<{ message: string }>(res).message).toBe('系统繁忙，请稍后重试')
    expect((await accounts.getAccount(p.person.accountNo))?.balanceFen).toBe(balanceBefore)
    expect((await ledgerOf(p.person.accountNo)).length).toBe(ledgerBefore)
    const now = bodyOf<Detail>(await getHandler(eventFor(getApplication, { id: app.id }, { token: p.token })))
    expect(now.status).toBe('submitted')
  })
})

describe('the session of submit and approve, read with their own reads (decision 85)', () => {
  async function readyToSubmit() {
    const p = await sealed()
    const { body: app } = await create(p, { kind: 'termination' })
    await uploadRequired(p, app)
    return { p, app }
  }

  /** the caller's session ends (退出 elsewhere, revoked) just before the request's transaction */
  function endSessionAtTransaction(token: string) {
    const send = db.send.bind(db)
    vi.spyOn(db, 'send').mockImplementation((async (command: { constructor: { name: string } }) => {
      if (command.constructor.name === 'TransactWriteCommand') {
        await send(new DeleteCommand({ TableName: table, Key: sessionKey(tokenHash(token)) }))
      }
      return send(command as never)
    }) as never)
  }

  const sessionOf = async (token: string) =>
    (await db.send(new GetCommand({ TableName: table, Key: sessionKey(tokenHash(token)), ConsistentRead: true }))).Item

  test('a session ended between its read and the transaction: submit answers 401 and nothing is submitted', async () => {
    const { p, app } = await readyToSubmit()
    endSessionAtTransaction(p.token)
    const res = await submit(p, app.id)
    vi.restoreAllMocks()
    expect(res.statusCode).toBe(401)
    expect((await getApp(app.id))?.status).toBe('draft')
    expect((await getApp(app.id))?.submitKeys).toEqual([])
  })

  test('a session ended between its read and the transaction: approve answers 401 and no money moves', async () => {
    const { p, app } = await readyToSubmit()
    expect((await submit(p, app.id)).statusCode).toBe(200)
    const reviewer = await makeReviewer('C65430')
    const balance = (await accounts.getAccount(p.person.accountNo))?.balanceFen
    endSessionAtTransaction(reviewer.token)
    const res = await approveHandler(eventFor(approveApplication, { id: app.id }, { token: reviewer.token }))
    vi.restoreAllMocks()
    expect(res.statusCode).toBe(401)
    expect((await getApp(app.id))?.status).toBe('submitted')
    expect((await accounts.getAccount(p.person.accountNo))?.balanceFen).toBe(balance)
  })

  test('a reviewer whose role is taken away after sign-in cannot approve: 403, nothing changes', async () => {
    const { p, app } = await readyToSubmit()
    expect((await submit(p, app.id)).statusCode).toBe(200)
    const reviewer = await makeReviewer('C65430')
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: staffKey(reviewer.staffId),
        UpdateExpression: 'SET #roles = :roles, #role = :role',
        ExpressionAttributeNames: { '#roles': 'roles', '#role': 'role' },
        ExpressionAttributeValues: { ':roles': ['publisher'], ':role': 'publisher' },
      }),
    )
    const balance = (await accounts.getAccount(p.person.accountNo))?.balanceFen
    const res = await approveHandler(eventFor(approveApplication, { id: app.id }, { token: reviewer.token }))
    expect(res.statusCode).toBe(403)
    expect(bodyOf<{ message: string }>(res).message).toBe('您没有审批权限')
    expect((await getApp(app.id))?.status).toBe('submitted')
    expect((await accounts.getAccount(p.person.accountNo))?.balanceFen).toBe(balance)
  })

  test.each([
    ['disabled', 401, undefined],
    ['mustChangePassword', 403, '您的密码由管理员设置，请先修改密码'],
  ])(
    'a reviewer whose account is %s while their session still lives cannot approve: %i, nothing changes',
    async (flag, status, message) => {
      const { p, app } = await readyToSubmit()
      expect((await submit(p, app.id)).statusCode).toBe(200)
      const reviewer = await makeReviewer('C65430')
      // the record changed, its sessions not (yet) ended: the race the transaction's check closes
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: staffKey(reviewer.staffId),
          UpdateExpression: 'SET #flag = :t',
          ExpressionAttributeNames: { '#flag': flag },
          ExpressionAttributeValues: { ':t': true },
        }),
      )
      const balance = (await accounts.getAccount(p.person.accountNo))?.balanceFen
      const res = await approveHandler(eventFor(approveApplication, { id: app.id }, { token: reviewer.token }))
      expect(res.statusCode).toBe(status)
      if (message) expect(bodyOf<{ message: string }>(res).message).toBe(message)
      expect((await getApp(app.id))?.status).toBe('submitted')
      expect((await accounts.getAccount(p.person.accountNo))?.balanceFen).toBe(balance)
    },
  )

  test('a staff session opened before decision 85 (no name, no roles) approves by reading the staff record', async () => {
    const { p, app } = await readyToSubmit()
    expect((await submit(p, app.id)).statusCode).toBe(200)
    const reviewer = await makeReviewer('C65430')
    const older = await openSession({
      kind: 'staff',
      staffId: reviewer.staffId,
      centerCode: 'C65430',
      role: 'reviewer',
    })
    const approved = await countCalls(() =>
      approveHandler(eventFor(approveApplication, { id: app.id }, { token: older.token })),
    )
    expect(approved.result.statusCode).toBe(200)
    expect(approved.calls).toEqual(['BatchGetCommand', 'GetCommand', 'QueryCommand', 'TransactWriteCommand'])
    const detail = bodyOf<{ timeline: { action: string; actorName: string }[] }>(
      await getHandler(eventFor(getApplication, { id: app.id }, { token: p.token })),
    )
    expect(detail.timeline.find((e) => e.action === 'approve')?.actorName).toMatch(/^审批员/)
  })

  test('submit moves the idle deadline; a session idle past it or past its end is refused before anything', async () => {
    const { p, app } = await readyToSubmit()
    const before = await sessionOf(p.token)
    const later = new Date(Date.now() + 20 * 60_000)
    // 20 minutes on, the session is still good: the submission moves its idle deadline
    const res = await atInstant(later, () => submit(p, app.id))
    expect(res.statusCode).toBe(200)
    const after = await sessionOf(p.token)
    expect(Number(after?.expiresAt)).toBeGreaterThan(Number(before?.expiresAt))
    expect(after?.lastSeenAt).toBe(later.toISOString())

    // a second application, tried 31 minutes after the last use: 401, and it stays a draft
    const q = await readyToSubmit()
    const idle = await atInstant(new Date(Date.now() + 31 * 60_000), () => submit(q.p, q.app.id))
    expect(idle.statusCode).toBe(401)
    expect((await getApp(q.app.id))?.status).toBe('draft')
    // past the session's 12-hour end, however busy
    const ended = await atInstant(new Date(Date.now() + 12 * 3600_000 + 60_000), () => submit(q.p, q.app.id))
    expect(ended.statusCode).toBe(401)
  })

  test('a stranger learns nothing from validation: a bad token with a bad input is 401, a good one 422', async () => {
    const { p, app } = await readyToSubmit()
    const bad = await submitHandler(eventFor(submitApplication, { id: app.id }, { token: 'not-a-session' }))
    expect(bad.statusCode).toBe(401)
    const none = await submitHandler(eventFor(submitApplication, { id: app.id }))
    expect(none.statusCode).toBe(401)
    const invalid = await submitHandler(eventFor(submitApplication, { id: app.id }, { token: p.token }))
    expect(invalid.statusCode).toBe(422)
    // a depositor's token opens no staff operation, a reviewer's no depositor one
    const reviewer = await makeReviewer('C65430')
    const asDepositor = await approveHandler(eventFor(approveApplication, { id: app.id }, { token: p.token }))
    expect(asDepositor.statusCode).toBe(403)
    const asStaff = await submitHandler(
      eventFor(
        submitApplication,
        { id: app.id, idempotencyKey: randomUUID(), noticeAcknowledged: true },
        { token: reviewer.token },
      ),
    )
    expect(asStaff.statusCode).toBe(403)
    expect((await getApp(app.id))?.status).toBe('draft')
  })
})
