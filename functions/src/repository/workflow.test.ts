import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { create, sealed, submit, uploadRequired } from '../../test/applications'
import { setBalance } from '../../test/factory'
import { nowIso, today } from '../lib/clock'
import { seedDemoData } from '../seed/index'
import { debitBalance, getAccount, listLedger, recordLedgerEntry } from './accounts'
import { type ApplicationItem, getApplication, getBundle } from './applications'
import * as steps from './workflow'

/**
 * The repository's workflow steps answer typed outcomes and write nothing when they fail: the
 * service switches on `reason` and never reads a cancelled transaction.
 */
const reviewer: steps.Party = { kind: 'reviewer', name: '审批员' }

beforeAll(async () => {
  await seedDemoData()
})

async function submitted() {
  const p = await sealed()
  const { body } = await create(p, { kind: 'termination' })
  await uploadRequired(p, body)
  expect((await submit(p, body.id)).statusCode).toBe(200)
  return { p, app: (await getApplication(body.id)) as ApplicationItem }
}

const returnMove = (at = nowIso()) => ({ action: 'return' as const, to: 'returned' as const, at, by: reviewer })

describe('a workflow step', () => {
  test('from an application that has moved on is wrongState, and carries it as it is now', async () => {
    const { app } = await submitted()
    expect((await steps.move(app, returnMove())).ok).toBe(true)
    const outcome = await steps.move(app, { action: 'approve', to: 'approved', at: nowIso(), by: reviewer })
    expect(outcome).toMatchObject({ ok: false, reason: 'wrongState', current: { status: 'returned' } })
  })

  test('in the same state at another version is stale; nothing is written', async () => {
    const { app } = await submitted()
    const edited = await steps.edit({ ...app, status: 'submitted' }, { updatedAt: nowIso() })
    expect(edited.ok).toBe(true)
    const before = await getBundle(app.id)
    const outcome = await steps.move(app, returnMove())
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'stale',
      current: { status: 'submitted', version: app.version + 1 },
    })
    expect((await getBundle(app.id))?.events).toHaveLength(before?.events.length ?? -1)
  })

  test('a draft of a kind already in progress is refused as inProgress', async () => {
    const { app } = await submitted()
    const twin = { ...app, id: `A${randomUUID().slice(0, 8)}`, status: 'draft' as const, submitKeys: [], version: 1 }
    expect(await steps.create(twin, { kind: 'depositor', name: app.depositorName })).toEqual({
      ok: false,
      reason: 'inProgress',
    })
    expect(await getApplication(twin.id)).toBeUndefined()
  })
})

describe('an approval with money effects', () => {
  async function approveWith(app: ApplicationItem, debitFen: number) {
    const account = await getAccount(app.accountNo)
    if (!account) throw new Error('no account')
    return { account, approve: () => approveNow(app, account, debitFen) }
  }

  function approveNow(
    app: ApplicationItem,
    account: NonNullable<Awaited<ReturnType<typeof getAccount>>>,
    debitFen: number,
  ) {
    const entry = {
      id: `L${randomUUID().slice(0, 8)}`,
      date: today(),
      type: '11',
      amountFen: -debitFen,
      balanceFen: account.balanceFen - debitFen,
      month: null,
      summary: 'test',
    }
    return steps.move(app, {
      action: 'approve',
      to: 'approved',
      at: nowIso(),
      by: reviewer,
      effects: [debitBalance(account, debitFen), recordLedgerEntry(account.accountNo, entry)],
    })
  }

  test('names a balance that no longer covers it insufficientBalance, and writes nothing', async () => {
    const { app } = await submitted()
    const { account, approve } = await approveWith(app, 10_000)
    await setBalance(account.accountNo, 5_000)
    const ledgerBefore = (await listLedger(account.accountNo, { limit: 1000 })).items.length
    expect(await approve()).toEqual({ ok: false, reason: 'insufficientBalance' })
    expect((await getApplication(app.id))?.status).toBe('submitted')
    expect((await listLedger(account.accountNo, { limit: 1000 })).items).toHaveLength(ledgerBefore)
  })

  test('names an account that moved on but still covers it accountChanged', async () => {
    const { app } = await submitted()
    const { account, approve } = await approveWith(app, 10_000)
    await setBalance(account.accountNo, account.balanceFen)
    expect(await approve()).toEqual({ ok: false, reason: 'accountChanged' })
    expect((await getAccount(account.accountNo))?.balanceFen).toBe(account.balanceFen)
  })

  test('writes the application, the markers and the effects at once', async () => {
    const { app } = await submitted()
    const { account, approve } = await approveWith(app, 10_000)
    const outcome = await approve()
    expect(outcome).toMatchObject({ ok: true, app: { status: 'approved', version: app.version + 1 } })
    expect((await getAccount(account.accountNo))?.balanceFen).toBe(account.balanceFen - 10_000)
    expect((await getBundle(app.id))?.events.map((e) => e.action)).toContain('approve')
  })
})
