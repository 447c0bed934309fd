import type { Center } from '@gjj/shared/api/system'
import { Button, Cell, Input, Popup, Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../api'
import { LoadError } from '../../components/LoadError'
import { chooseCenter, chosenCenter } from '../../lib/center'
import { useRequest } from '../../lib/use-request'
import './index.css'

/** manual 2.1.2: choose the center, then phone number or ID number + password */
export default function LoginPage() {
  const centers = useRequest(() => api.listCenters().then((r) => r.centers))
  const [center, setCenter] = useState<Center | undefined>(chosenCenter())
  const [picking, setPicking] = useState(false)
  const [account, setAccount] = useState('')
  const [password, setPassword] = useState('')

  const pick = (c: Center) => {
    setCenter(c)
    chooseCenter(c)
    setPicking(false)
  }

  return (
    <View className="page login">
      <View className="login__banner">
        <Text className="login__title">手机公积金</Text>
        <Text className="login__subtitle">新疆维吾尔自治区住房公积金综合服务平台</Text>
      </View>
      <View className="login__card">
        <View className="login__center" onClick={() => setPicking(true)}>
          <View className="login__center-text">
            <Text className="login__center-label">所在缴存中心</Text>
            <Text className={`login__center-name${center ? '' : ' muted'}`}>{center ? center.name : '请选择'}</Text>
          </View>
          <Text className="login__center-arrow">›</Text>
        </View>
        <View className="login__field">
          <Input placeholder="手机号或证件号码" value={account} onChange={setAccount} maxLength={18} />
        </View>
        <View className="login__field">
          <Input placeholder="密码" type="password" value={password} onChange={setPassword} maxLength={32} />
        </View>
        <View className="login__submit">
          <Button
            block
            type="primary"
            disabled={!center || !account || !password}
            onClick={() => Taro.showToast({ title: '登录服务即将开放', icon: 'none' })}
          >
            登录
          </Button>
        </View>
        <View className="login__links">
          <Text className="login__link" onClick={() => Taro.navigateTo({ url: '/packages/tools/calculator/index' })}>
            房贷计算器
          </Text>
        </View>
      </View>

      <Popup visible={picking} position="bottom" round title="选择所在缴存中心" onClose={() => setPicking(false)}>
        <View className="center-list">
          {centers.loading && <Skeleton rows={6} animated />}
          {centers.error && <LoadError message={centers.error.message} onRetry={centers.reload} />}
          {centers.data?.map((c) => (
            <Cell
              key={c.code}
              className={`center-list__item${c.code === center?.code ? ' center-list__item--on' : ''}`}
              title={c.name}
              clickable
              onClick={() => pick(c)}
            />
          ))}
        </View>
      </Popup>
    </View>
  )
}
