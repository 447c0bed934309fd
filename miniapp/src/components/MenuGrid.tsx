import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { openSignedIn } from '../lib/auth'
import { withConsent } from '../lib/privacy'
import './MenuGrid.css'

export interface MenuEntry {
  title: string
  /** page to open; an entry without one is shown as not yet open */
  url?: string
  icon: string
  /** the page needs a signed-in depositor: login first when there is no session */
  signedIn?: boolean
  /** opens before the person has agreed to the 隐私声明 (房贷计算器); every other entry asks first */
  withoutConsent?: boolean
  /** why the person cannot use the entry now (贷款业务): greyed, and a tap tells the reason */
  reason?: string | null
}

function open(e: MenuEntry) {
  if (e.reason) {
    Taro.showModal({ title: e.title, content: e.reason, showCancel: false, confirmText: '我知道了' })
  } else if (!e.url) {
    Taro.showToast({ title: '该业务暂未开放', icon: 'none' })
  } else if (e.signedIn) {
    openSignedIn(e.url)
  } else if (e.withoutConsent) {
    Taro.navigateTo({ url: e.url })
  } else {
    withConsent(() => Taro.navigateTo({ url: e.url as string }))
  }
}

/** a titled group of entries, as on the manual's 业务办理 and 账户查询 screens */
export function MenuGrid({ title, entries }: { title: string; entries: MenuEntry[] }) {
  return (
    <View className="menu">
      <Text className="menu__title">{title}</Text>
      <View className="menu__grid">
        {entries.map((e) => (
          <View
            key={e.title}
            className={`menu__item${e.url && !e.reason ? '' : ' menu__item--off'}`}
            onClick={() => open(e)}
          >
            <View className="menu__icon">
              <Text>{e.icon}</Text>
            </View>
            <Text className="menu__label">{e.title}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
