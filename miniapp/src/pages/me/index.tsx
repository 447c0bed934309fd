import { Button, Cell } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import { PrivacyConsent } from '../../components/PrivacyConsent'
import { currentMe, openSignedIn, signedOut } from '../../lib/auth'
import { privacyUrl, withConsent } from '../../lib/privacy'
import './index.css'

/** manual chapter 7: 个人中心, 服务热线, 隐私声明, 密码修改, 退出当前账号 */
export default function MePage() {
  const [me, setMe] = useState(currentMe())
  useDidShow(() => setMe(currentMe()))

  const callHotline = async () => {
    const { confirm } = await Taro.showModal({
      title: '服务热线',
      content: '呼叫服务热线公积金 12329',
      confirmText: '确定',
      cancelText: '取消',
    })
    if (confirm) await Taro.makePhoneCall({ phoneNumber: '12329' }).catch(() => undefined)
  }

  const logout = async () => {
    const { confirm } = await Taro.showModal({ title: '退出当前账号', content: '确定退出当前账号吗？' })
    if (!confirm) return
    await api.logout().catch(() => undefined)
    signedOut()
    setMe(undefined)
    Taro.reLaunch({ url: '/pages/login/index' })
  }

  return (
    <View className="page me">
      <PrivacyConsent />
      <View
        className="me__header"
        onClick={() =>
          me
            ? openSignedIn('/packages/me/profile/index')
            : withConsent(() => Taro.reLaunch({ url: '/pages/login/index' }))
        }
      >
        <View className="me__avatar">
          <Text>{me ? me.name.slice(0, 1) : '?'}</Text>
        </View>
        <View className="me__who">
          <Text className="me__name">{me ? me.name : '登录 / 选择公积金中心'}</Text>
          {me && <Text className="me__center">{me.center.name}</Text>}
        </View>
        <Text className="me__arrow">›</Text>
      </View>
      <View className="me__cells">
        <Cell title="个人中心" clickable onClick={() => openSignedIn('/packages/me/profile/index')} />
        <Cell title="证明开具" clickable onClick={() => openSignedIn('/packages/docs/issue/index')} />
        <Cell title="密码修改" clickable onClick={() => openSignedIn('/packages/me/password/index')} />
        <Cell title="服务热线" extra="12329" clickable onClick={callHotline} />
        <Cell title="隐私声明" clickable onClick={() => Taro.navigateTo({ url: privacyUrl })} />
      </View>
      {me && (
        <View className="me__logout">
          <Button block type="default" onClick={logout}>
            退出当前账号
          </Button>
        </View>
      )}
    </View>
  )
}
