import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { me } from '@gjj/shared/api/auth'
import { acceptPrivacy, withdrawPrivacy } from '@gjj/shared/api/privacy'
import { needsConsent, PRIVACY_VERSION } from '@gjj/shared/info/privacy'
import { describe, expect, test } from 'vitest'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, makeReviewer } from '../../test/factory'
import { auditsOf } from '../../test/publishing'
import { db, table } from '../repository/client'
import { depositorKey } from '../repository/depositors'
import { handler as acceptHandler } from './accept-privacy'
import { handler as meHandler } from './me'
import { handler as withdrawHandler } from './withdraw-privacy'

describe('privacy consent', () => {
  test('is recorded on the depositor with its instant, and `me` tells the version', async () => {
    const p = await makeDepositor()
    const before = bodyOf<{ privacyAcceptedVersion: string | null }>(
      await meHandler(eventFor(me, {}, { token: p.token })),
    )
    expect(before.privacyAcceptedVersion).toBeNull()
    expect(needsConsent(before.privacyAcceptedVersion)).toBe(true)

    const res = await acceptHandler(eventFor(acceptPrivacy, { version: PRIVACY_VERSION }, { token: p.token }))

    expect(res.statusCode).toBe(200)
    const { acceptedAt } = bodyOf<{ version: string; acceptedAt: string }>(res)
    const after = bodyOf<{ privacyAcceptedVersion: string }>(await meHandler(eventFor(me, {}, { token: p.token })))
    expect(after.privacyAcceptedVersion).toBe(PRIVACY_VERSION)
    expect(needsConsent(after.privacyAcceptedVersion)).toBe(false)
    const stored = await db.send(new GetCommand({ TableName: table, Key: depositorKey(p.person.depositorId) }))
    expect(stored.Item).toMatchObject({ privacyAcceptedVersion: PRIVACY_VERSION, privacyAcceptedAt: acceptedAt })
  })

  test('an older version is refused in Chinese; staff and strangers cannot accept', async () => {
    const p = await makeDepositor()
    const reviewer = await makeReviewer('C65430')
    const old = await acceptHandler(eventFor(acceptPrivacy, { version: '2020-01-01' }, { token: p.token }))
    const staff = await acceptHandler(eventFor(acceptPrivacy, { version: PRIVACY_VERSION }, { token: reviewer.token }))
    const nobody = await acceptHandler(eventFor(acceptPrivacy, { version: PRIVACY_VERSION }))

    expect(old.statusCode).toBe(422)
    expect(bodyOf<{ message: string }>(old).message).toBe('隐私声明已更新，请阅读最新的隐私声明后再同意')
    expect(staff.statusCode).toBe(403)
    expect(nobody.statusCode).toBe(401)
  })
})

describe('撤回同意', () => {
  test('removes the accepted version (me answers null, the app asks again), keeps when, and is audited', async () => {
    const p = await makeDepositor()
    await acceptHandler(eventFor(acceptPrivacy, { version: PRIVACY_VERSION }, { token: p.token }))

    const res = await withdrawHandler(eventFor(withdrawPrivacy, {}, { token: p.token }))

    expect(res.statusCode).toBe(200)
    const { withdrawnAt } = bodyOf<{ withdrawnAt: string }>(res)
    const after = bodyOf<{ privacyAcceptedVersion: string | null }>(
      await meHandler(eventFor(me, {}, { token: p.token })),
    )
    expect(after.privacyAcceptedVersion).toBeNull()
    const stored = await db.send(new GetCommand({ TableName: table, Key: depositorKey(p.person.depositorId) }))
    expect(stored.Item?.privacyAcceptedVersion).toBeUndefined()
    expect(stored.Item?.privacyWithdrawnAt).toBe(withdrawnAt)
    const target = `depositor:${p.person.depositorId}`
    const actions = (await auditsOf(target, withdrawnAt)).map((a) => a.action)
    expect(actions).toContain('privacy.withdraw')

    // agreeing again is recorded again
    await acceptHandler(eventFor(acceptPrivacy, { version: PRIVACY_VERSION }, { token: p.token }))
    const again = bodyOf<{ privacyAcceptedVersion: string }>(await meHandler(eventFor(me, {}, { token: p.token })))
    expect(again.privacyAcceptedVersion).toBe(PRIVACY_VERSION)
  })

  test("staff and strangers cannot withdraw anyone's consent", async () => {
    const reviewer = await makeReviewer('C65430')
    expect((await withdrawHandler(eventFor(withdrawPrivacy, {}, { token: reviewer.token }))).statusCode).toBe(403)
    expect((await withdrawHandler(eventFor(withdrawPrivacy, {}))).statusCode).toBe(401)
  })
})
