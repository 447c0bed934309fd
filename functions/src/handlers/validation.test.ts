import { listDepositHistory } from '@gjj/shared/api/account'
import { login } from '@gjj/shared/api/auth'
import { addBankCard } from '@gjj/shared/api/bank-card'
import { listCenters } from '@gjj/shared/api/system'
import { beforeAll, describe, expect, test } from 'vitest'
import { loginAs, wang } from '../../test/depositor'
import { bodyOf, eventFor } from '../../test/events'
import { seedDemoData } from '../seed/index'
import { handler as addBankCardHandler } from './add-bank-card'
import { handler as listCentersHandler } from './list-centers'
import { handler as historyHandler } from './list-deposit-history'
import { handler as loginHandler } from './login'

type ApiError = { code: string; message: string; issues: { path: (string | number)[]; message: string }[] }

let token: string

beforeAll(async () => {
  await seedDemoData()
  token = await loginAs(wang)
})

describe('a malformed request is answered 422 in Chinese', () => {
  test('login without center, channel and device names what to do for each', async () => {
    const res = await loginHandler(eventFor(login, {}, { rawBody: '{"account":"13700000001","password":"x"}' }))

    expect(res.statusCode).toBe(422)
    expect(bodyOf<ApiError>(res)).toEqual({
      code: 'VALIDATION_FAILED',
      message: '请选择公积金中心',
      issues: [
        { path: ['centerCode'], message: '请选择公积金中心' },
        { path: ['channel'], message: '登录渠道不正确' },
        { path: ['deviceId'], message: '设备标识不正确，请重新打开后再登录' },
      ],
    })
  })

  test('an unknown query parameter is named', async () => {
    const res = await listCentersHandler(eventFor(listCenters, { isAdmin: 'true' }))

    expect(res.statusCode).toBe(422)
    expect(bodyOf<ApiError>(res)).toEqual({
      code: 'VALIDATION_FAILED',
      message: '有不接受的字段：isAdmin',
      issues: [{ path: [], message: '有不接受的字段：isAdmin' }],
    })
  })

  test('a page size past every integer is said once, as the allowed range', async () => {
    const res = await historyHandler(eventFor(listDepositHistory, { limit: '99999999999999999999' }, { token }))

    expect(res.statusCode).toBe(422)
    expect(bodyOf<ApiError>(res)).toEqual({
      code: 'VALIDATION_FAILED',
      message: '每页条数应为1到100之间的整数',
      issues: [{ path: ['limit'], message: '每页条数应为1到100之间的整数' }],
    })
  })

  test('wrong types and an extra field in a body each get a Chinese issue', async () => {
    const res = await addBankCardHandler(
      eventFor(
        addBankCard,
        {},
        { token, rawBody: '{"cardNo":6222021234567890128,"bankName":["工商银行"],"isDefault":true}' },
      ),
    )

    expect(res.statusCode).toBe(422)
    const body = bodyOf<ApiError>(res)
    expect(body.code).toBe('VALIDATION_FAILED')
    expect(body.issues.map((i) => i.path)).toEqual([['cardNo'], ['bankName'], []])
    for (const issue of body.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/)
    expect(body.issues[2]?.message).toBe('有不接受的字段：isDefault')
  })
})
