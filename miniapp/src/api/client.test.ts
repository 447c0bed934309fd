import { beforeEach, describe, expect, test, vi } from 'vitest'

/**
 * The client against a stubbed Taro.request: what it sends for a route, and what it makes of the
 * answers that are not the contract's — a proxy's page, an error, no network (the faults a real
 * server does not produce on demand; the browser tests drive it against the real API).
 */
const request = vi.fn()
const storage = new Map<string, string>()
vi.mock('@tarojs/taro', () => ({
  default: {
    request: (options: unknown) => request(options),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: string) => storage.set(key, value),
    removeStorageSync: (key: string) => storage.delete(key),
    getCurrentPages: () => [],
  },
}))
vi.stubGlobal('__API_URL__', 'https://api.example.cn/')

const { call, tokenStore, ApiRequestError } = await import('./client')

const store = tokenStore('test.session')
const signIn = { store, loginPage: '/pages/login/index' }
const getApplication = { method: 'GET', path: '/api/applications/{id}', audience: 'depositor' } as const
const listCenters = { method: 'GET', path: '/api/centers', audience: 'public' } as const
const answer = (statusCode: number, data: unknown) => request.mockResolvedValueOnce({ statusCode, data, header: {} })

beforeEach(() => {
  request.mockReset()
  storage.clear()
  store.set('token-1')
})

describe('call', () => {
  test('sends the route: path parameter filled and encoded, the rest as the query, the session as a bearer', async () => {
    answer(200, { id: 'a/1' })
    await expect(call('getApplication', getApplication, { id: 'a/1', limit: 20, cursor: '' }, signIn)).resolves.toEqual(
      {
        id: 'a/1',
      },
    )
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: 'https://api.example.cn/api/applications/a%2F1?limit=20',
        method: 'GET',
        data: undefined,
        header: { 'content-type': 'application/json', authorization: 'Bearer token-1' },
      }),
    )
  })

  test('a public operation carries no session', async () => {
    answer(200, { centers: [] })
    await call('listCenters', listCenters, {}, signIn)
    expect(request.mock.calls[0]?.[0].header).toEqual({ 'content-type': 'application/json' })
  })

  test('a 2xx answer that is not a JSON object (a proxy’s page) is refused in words', async () => {
    answer(200, '<html>portal login</html>')
    const error = await call('getApplication', getApplication, { id: 'a1' }, signIn).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiRequestError)
    expect(error).toMatchObject({ status: 200, code: 'BAD_RESPONSE', message: '数据格式有误，请更新到最新版本后重试' })
  })

  test('an error answer carries the server’s code, message and issues', async () => {
    answer(422, { code: 'VALIDATION', message: '请输入金额', issues: [{ path: ['amountFen'], message: '请输入金额' }] })
    await expect(call('getApplication', getApplication, { id: 'a1' }, signIn)).rejects.toMatchObject({
      status: 422,
      code: 'VALIDATION',
      message: '请输入金额',
      body: { issues: [{ path: ['amountFen'], message: '请输入金额' }] },
    })
  })

  test('an error answer without the contract’s body, and no network at all, still say what to do', async () => {
    answer(502, '<html>Bad Gateway</html>')
    await expect(call('getApplication', getApplication, { id: 'a1' }, signIn)).rejects.toMatchObject({
      code: 'HTTP_502',
      message: '系统繁忙，请稍后重试',
    })
    request.mockRejectedValueOnce(new Error('request:fail'))
    await expect(call('getApplication', getApplication, { id: 'a1' }, signIn)).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK',
      message: '网络连接失败，请检查网络后重试',
    })
  })
})
