import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { me } from '@gjj/shared/api/auth'
import { acceptPrivacy } from '@gjj/shared/api/privacy'
import { needsConsent, PRIVACY_VERSION } from '@gjj/shared/info/privacy'
import { describe, expect, test } from 'vitest'
import { bodyOf, eventFor } from '../../test/events'
import { makeDepositor, makeReviewer } from '../../test/factory'
import { db, table } from '../repository/client'
import { depositorKey } from '../repository/depositors'
import { handler as acceptHandler } from './accept-privacy'
import { handler as meHandler } from './me'

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
