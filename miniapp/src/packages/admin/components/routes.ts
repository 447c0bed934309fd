import Taro from '@tarojs/taro'

/** the pages of the review console subpackage (app.config.ts: packages/admin) */
const ROOT = '/packages/admin'
const DETAIL = `${ROOT}/detail/index`

export const adminUrl = {
  login: (redirect?: string) => `${ROOT}/login/index${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`,
  queue: () => `${ROOT}/queue/index`,
  detail: (id: string) => `${DETAIL}?id=${encodeURIComponent(id)}`,
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Where to go after signing in: the page named by `redirect` when it is a page of the console
 * (the API client sends an expired reviewer here with the page they were on), else the queue.
 * A review without its id (the H5 build's page stack carries no query) is the queue too.
 */
export function afterLogin(redirect: string | undefined): string {
  const target = redirect ? decoded(redirect) : ''
  const inConsole = target.startsWith(`${ROOT}/`) && !target.startsWith(`${ROOT}/login/`)
  const idLess = target.startsWith(DETAIL) && !/[?&]id=[^&]/.test(target)
  return inConsole && !idLess ? target : adminUrl.queue()
}

export function openDetail(id: string) {
  Taro.navigateTo({ url: adminUrl.detail(id) })
}

/** back to the queue: the previous page when the detail was opened from it, else a fresh queue */
export function backToQueue() {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.redirectTo({ url: adminUrl.queue() })
}
