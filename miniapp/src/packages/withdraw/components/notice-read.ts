import Taro from '@tarojs/taro'

/**
 * Which kinds' 须知 the person has read (【我知道了】) in the application now being prepared. The
 * mark is kept on the device so it survives the way from the form to 档案上传, and is dropped once
 * that application is submitted or ended: the next application asks for the notice again.
 */
const KEY = 'gjj.withdraw.noticeRead'

function read(): string[] {
  const value = Taro.getStorageSync(KEY) as unknown
  return Array.isArray(value) ? (value as string[]) : []
}

export function noticeRead(kind: string): boolean {
  return read().includes(kind)
}

export function markNoticeRead(kind: string) {
  const kinds = read()
  if (!kinds.includes(kind)) Taro.setStorageSync(KEY, [...kinds, kind])
}

export function forgetNotice(kind: string) {
  Taro.setStorageSync(
    KEY,
    read().filter((k) => k !== kind),
  )
}
