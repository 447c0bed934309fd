import { Cell } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** manual 7.4 密码修改: the two passwords a depositor has */
export default function PasswordMenuPage() {
  return (
    <View className="page">
      <View className="form-card" style={{ padding: 0, overflow: 'hidden' }}>
        <Cell
          title="APP、微信、网厅密码修改"
          clickable
          onClick={() => Taro.navigateTo({ url: '/packages/me/app-password/index' })}
        />
        <Cell
          title="12329语音热线、触摸屏密码修改"
          clickable
          onClick={() => Taro.navigateTo({ url: '/packages/me/hotline-password/index' })}
        />
      </View>
    </View>
  )
}
