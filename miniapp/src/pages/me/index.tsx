import { Cell } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** manual chapter 7: 个人中心, 服务热线, 隐私声明, 密码修改, 退出当前账号 */
export default function MePage() {
  const callHotline = async () => {
    const { confirm } = await Taro.showModal({
      title: '服务热线',
      content: '呼叫服务热线公积金 12329',
      confirmText: '确定',
      cancelText: '取消',
    })
    if (confirm) await Taro.makePhoneCall({ phoneNumber: '12329' }).catch(() => undefined)
  }
  return (
    <View className="page">
      <View className="section-title">我</View>
      <Cell title="登录" clickable onClick={() => Taro.reLaunch({ url: '/pages/login/index' })} />
      <Cell title="服务热线" extra="12329" clickable onClick={callHotline} />
    </View>
  )
}
