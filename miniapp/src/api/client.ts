import type { ApiError, InputOf, Operation, OutputOf, Route } from '@gjj/shared/api/contract'
import { buildPath, pathParams } from '@gjj/shared/api/paths'
import Taro from '@tarojs/taro'

/**
 * The only caller of Taro.request / Taro.uploadFile. `call(name, route, input)` sends what the
 * shared contract says (its route table, shared/src/api/routes.ts) and returns the answer, or throws
 * an ApiRequestError carrying the server's Chinese message. The answer is typed by the contract and
 * was checked against it by the server before it left (functions/src/lib/http.ts); the client does
 * not parse it again with the operation's schema, which would put zod and every operation's schemas
 * into the mini-program's main package (decision 86).
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

export type TokenStore = ReturnType<typeof tokenStore>

/** a session token kept on the device under `key` */
export function tokenStore(key: string) {
  return {
    get token(): string {
      return (Taro.getStorageSync(key) as string) || ''
    },
    set(token: string) {
      Taro.setStorageSync(key, token)
    },
    clear() {
      Taro.removeStorageSync(key)
    },
  }
}

/**
 * Whose session a call carries and where it goes when that session has ended: the depositors'
 * (here) or the review console's (packages/admin, H5 only), each with its own token.
 */
export interface SignIn {
  store: TokenStore
  loginPage: string
}

/** the depositor's session token */
export const session = tokenStore('gjj.session')
export const depositorSignIn: SignIn = { store: session, loginPage: '/pages/login/index' }

function query(input: Record<string, unknown>): string {
  const parts = Object.entries(input)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** someone whose session ended goes back to their login, and returns to this page afterwards */
function sessionExpired({ store, loginPage }: SignIn) {
  const hadSession = Boolean(store.token)
  store.clear()
  const pages = Taro.getCurrentPages()
  const current = pages[pages.length - 1] as
    | { route?: string; path?: string; options?: Record<string, string>; $taroPath?: string }
    | undefined
  const route = current?.route ?? current?.path ?? ''
  if (!hadSession || route.includes('login/index')) return
  const query = Object.entries(current?.options ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  // H5 page objects keep the query in `path` ("/packages/x/index?id=1") instead of `options`
  const back = current?.path?.includes('?')
    ? current.path
    : `/${route.replace(/^\//, '').split('?')[0]}${query ? `?${query}` : ''}`
  Taro.showToast({ title: '登录已过期，请重新登录', icon: 'none' })
  setTimeout(() => {
    Taro.reLaunch({ url: `${loginPage}?redirect=${encodeURIComponent(back)}` })
  }, 800)
}

export async function call(name: string, route: Route, input: object, signIn: SignIn): Promise<unknown> {
  const data = { ...(input as Record<string, unknown>) }
  const path = buildPath(route.path, data)
  for (const key of pathParams(route.path)) delete data[key]
  const hasBody = route.method === 'POST' || route.method === 'PUT'
  const header: Record<string, string> = { 'content-type': 'application/json' }
  const token = route.audience === 'public' ? '' : signIn.store.token
  if (token) header.authorization = `Bearer ${token}`
  let res: Taro.request.SuccessCallbackResult<string | Record<string, unknown> | ArrayBuffer>
  try {
    res = await Taro.request({
      url: `${baseUrl}${path}${hasBody ? '' : query(data)}`,
      method: route.method,
      header,
      data: hasBody ? data : undefined,
      dataType: 'json',
      timeout: 15_000,
    })
  } catch {
    throw new ApiRequestError(0, { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' })
  }
  const body = res.data
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body)
  if (res.statusCode >= 200 && res.statusCode < 300) {
    if (isObject) return body
    // every answer of the contract is a JSON object: this one came from something else (a proxy's
    // page, a gateway's text): the person gets words, the console the details
    console.error(`${name}: the answer is not the contract's JSON object`, body)
    throw new ApiRequestError(res.statusCode, { code: 'BAD_RESPONSE', message: '数据格式有误，请更新到最新版本后重试' })
  }
  const error = (isObject ? body : {}) as Partial<ApiError>
  if (res.statusCode === 401 && route.audience !== 'public') sessionExpired(signIn)
  throw new ApiRequestError(res.statusCode, {
    code: error.code ?? `HTTP_${res.statusCode}`,
    message: error.message ?? '系统繁忙，请稍后重试',
    ...(error.issues ? { issues: error.issues } : {}),
  })
}

/** a client of some operations: one method per operation, named as the operation */
export type ApiOf<Ops> = {
  [K in keyof Ops]: (input?: InputOf<Ops[K]>) => Promise<OutputOf<Ops[K]>>
}

/**
 * The client of a route table (`Ops`: the contract's operation of each route, for the types),
 * carrying the session of `signIn`.
 */
export function apiOf<Ops extends Record<string, Operation>>(routes: Record<keyof Ops, Route>, signIn: SignIn) {
  return Object.fromEntries(
    Object.entries<Route>(routes).map(([name, route]) => [
      name,
      (input: object = {}) => call(name, route, input, signIn),
    ]),
  ) as ApiOf<Ops>
}

/**
 * Uploads a local file straight to the storage bucket with a presigned POST (url + form fields
 * from requestUploadUrl). `onProgress` gets 0–100.
 */
export function uploadToPresignedPost(opts: {
  url: string
  fields: Record<string, string>
  filePath: string
  onProgress?: (percent: number) => void
}): Promise<void> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: opts.url,
      filePath: opts.filePath,
      name: 'file',
      formData: opts.fields,
      // H5: the presigned POST needs no cookies, and a credentialed request is refused by a bucket
      // whose CORS rule allows any origin (the local stack's)
      withCredentials: false,
      success: (res) => {
        if (res.statusCode >= 200 && res.statusCode < 300) resolve()
        else reject(new ApiRequestError(res.statusCode, { code: 'UPLOAD_FAILED', message: '文件上传失败，请重试' }))
      },
      fail: () => reject(new ApiRequestError(0, { code: 'NETWORK', message: '网络连接失败，文件未上传，请重试' })),
    })
    task.onProgressUpdate?.((p) => opts.onProgress?.(p.progress))
  })
}
