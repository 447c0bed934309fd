import type { Center } from '@gjj/shared/api/system'
import Taro from '@tarojs/taro'

/** the center the person chose on the login page, kept on the device */
const KEY = 'gjj.center'

export function chosenCenter(): Center | undefined {
  return (Taro.getStorageSync(KEY) as Center | '') || undefined
}

export function chooseCenter(center: Center): void {
  Taro.setStorageSync(KEY, center)
}
