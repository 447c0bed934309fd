import type { outletSchema } from '@gjj/shared/api/outlet'
import { formatDistance } from '@gjj/shared/info/geo'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { z } from 'zod'
import { api } from '../../../api'
import { Loaded } from '../../../components/Loaded'
import { Tag } from '../../../components/Tag'
import { chosenCenter } from '../../../lib/center'
import { useRefresh } from '../../../lib/use-refresh'
import { useRequest } from '../../../lib/use-request'
import { askPosition, callOutlet, navigateTo, type Position, STATUS_TONES } from '../components/outlet'
import '../components/outlet.css'

type Outlet = z.infer<typeof outletSchema>

export const outletDetailUrl = (id: string, at?: Position) =>
  `/packages/info/outlet-detail/index?id=${encodeURIComponent(id)}${at ? `&lat=${at.latitude}&lng=${at.longitude}` : ''}`

/** manual 5.1.1: 服务网点查询 — the chosen center's outlets by name, or nearest first once asked */
export default function OutletsPage() {
  const center = chosenCenter()
  const [here, setHere] = useState<Position>()
  const outlets = useRequest(
    async () => {
      if (!center) throw new Error('请先在登录页选择所在缴存中心')
      return (await api.listOutlets({ centerCode: center.code, ...(here ?? {}) })).outlets
    },
    here ? `${here.latitude},${here.longitude}` : 'name',
  )
  useRefresh(outlets.reload)
  const [locating, setLocating] = useState(false)

  const sortByDistance = async () => {
    setLocating(true)
    const at = await askPosition()
    setLocating(false)
    if (at) setHere(at)
  }

  if (!center) {
    return (
      <View className="page">
        <Cell title="选择所在缴存中心" clickable onClick={() => Taro.reLaunch({ url: '/pages/login/index' })} />
      </View>
    )
  }
  return (
    <View className="page">
      <View className="outlets__bar">
        <Text className="muted">{center.name}</Text>
        <Button size="small" type="primary" fill="outline" loading={locating} onClick={sortByDistance}>
          {here ? '已按距离排序' : '按距离排序'}
        </Button>
      </View>
      <Loaded state={outlets} rows={8}>
        {(list) =>
          list.length === 0 ? (
            <View className="empty">暂无服务网点</View>
          ) : (
            list.map((o) => <OutletCard key={o.id} outlet={o} here={here} />)
          )
        }
      </Loaded>
    </View>
  )
}

function OutletCard({ outlet: o, here }: { outlet: Outlet; here: Position | undefined }) {
  return (
    <View className="outlet" onClick={() => Taro.navigateTo({ url: outletDetailUrl(o.id, here) })}>
      <View className="outlet__head">
        <Text className="outlet__name">{o.name}</Text>
        <Tag tone="grey">{o.kind}</Tag>
        {o.distanceMeters !== null && <Text className="outlet__distance">{formatDistance(o.distanceMeters)}</Text>}
      </View>
      <Text className="outlet__line">{o.address}</Text>
      <Text className="outlet__line">电话：{o.phone}</Text>
      <View className="outlet__status">
        <Tag tone={STATUS_TONES[o.status.code]}>{o.status.label}</Tag>
        {o.status.next && <Text className="muted">{o.status.next.text}</Text>}
      </View>
      <Text className="outlet__line muted">可办理：{o.services.join('、')}</Text>
      <View className="outlet__actions" onClick={(e) => e.stopPropagation()}>
        <Button size="small" className="outlet__call" onClick={() => callOutlet(o.phone)}>
          拨打电话
        </Button>
        <Button size="small" type="primary" className="outlet__nav" onClick={() => navigateTo(o)}>
          导航
        </Button>
      </View>
    </View>
  )
}
