import type { ApiError, Operation } from '@gjj/shared/api/contract'
import { buildPath, pathParams } from '@gjj/shared/api/contract'
import Taro from '@tarojs/taro'
import type { z } from 'zod'

/**
 * The only caller of Taro.request / Taro.uploadFile. `call(operation, input)` sends what the shared
 * contract says and returns the parsed output, or throws an ApiRequestError carrying the server's
 * Chinese message.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.message)
    this.name = 'ApiRequestError'
  }
  get code() {
    return this.body.code
  }
}

const baseUrl = __API_URL__.replace(/\/$/, '')
const TOKEN_KEY = 'gjj.session'

export const session = {
  get token(): string {
    return (Taro.getStorageSync(TOKEN_KEY) as string) || ''
  },
  set(token: string) {
    Taro.setStorageSync(TOKEN_KEY, token)
  },
  clear() {
    Taro.removeStorageSync(TOKEN_KEY)
  },
}

function query(input: Record<string, unknown>): string {
  const parts = Object.entries(input)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export async function call<I extends z.ZodType, O extends z.ZodType>(
  op: Operation<I, O>,
  input: z.input<I>,
): Promise<z.output<O>> {
  const data = { ...(input as Record<string, unknown>) }
  const path = buildPath(op.path, data)
  for (const key of pathParams(op.path)) delete data[key]
  const hasBody = op.method === 'POST' || op.method === 'PUT'
  const header: Record<string, string> = { 'content-type': 'application/json' }
  if (session.token) header.authorization = `Bearer ${session.token}`
  let res: Taro.request.SuccessCallbackResult<unknown>
  try {
    res = await Taro.request({
      url: `${baseUrl}${path}${hasBody ? '' : query(data)}`,
      method: op.method,
      header,
      data: hasBody ? data : undefined,
      dataType: 'json',
      timeout: 15_000,
    })
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' })
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return op.output.parse(res.data)
  const body = res.data as Partial<ApiError> | undefined
  if (res.statusCode === 401) session.clear()
  throw new ApiRequestError(res.statusCode, {
    code: body?.code ?? `HTTP_${res.statusCode}`,
    message: body?.message ?? '系统繁忙，请稍后重试',
    ...(body?.issues ? { issues: body.issues } : {}),
  })
}
