import { formatDistance } from '@gjj/shared/info/geo'
import { describeHours } from '@gjj/shared/info/hours'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '../../../api'
import { Loaded } from '../../../components/Loaded'
import { Rows } from '../../../components/Rows'
import { Tag } from '../../../components/Tag'
import { chosenCenter } from '../../../lib/center'
import { useRefresh } from '../../../lib/use-refresh'
import { useRequest } from '../../../lib/use-request'
import { callOutlet, navigateTo, STATUS_TONES } from '../components/outlet'
import '../components/outlet.css'

/** manual 5.1.1: one outlet with everything — hours of the week, status, services, directions */
export default function OutletDetailPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const lat = params.lat ? Number(params.lat) : undefined
  const lng = params.lng ? Number(params.lng) : undefined
  const center = chosenCenter()
  const outlet = useRequest(async () => {
    if (!center) throw new Error('请先在登录页选择所在缴存中心')
    const at = lat !== undefined && lng !== undefined ? { latitude: lat, longitude: lng } : {}
    return api.getOutlet({ centerCode: center.code, id, ...at })
  }, id)
  useRefresh(outlet.reload)

  return (
    <View className="page">
      <Loaded state={outlet} rows={10}>
        {(o) => (
          <>
            <View className="outlet">
              <View className="outlet__head">
                <Text className="outlet__name">{o.name}</Text>
                <Tag tone="grey">{o.kind}</Tag>
                {o.distanceMeters !== null && (
                  <Text className="outlet__distance">{formatDistance(o.distanceMeters)}</Text>
                )}
              </View>
              <View className="outlet__status">
                <Tag tone={STATUS_TONES[o.status.code]}>{o.status.label}</Tag>
                {o.status.next && <Text className="muted">{o.status.next.text}</Text>}
              </View>
            </View>
            <Rows
              rows={[
                ['地址', o.address],
                ['电话', o.phone],
                [
                  '营业时间',
                  describeHours(o.hours).map((line) => (
                    <Text className="outlet__hours-line" key={line}>
                      {line}
                    </Text>
                  )),
                ],
                ['可办理业务', o.services.join('、')],
                ...(o.directions ? ([['交通指引', o.directions]] as [string, string][]) : []),
              ]}
            />
            <View className="outlet__actions outlet__actions--page">
              <Button className="outlet__call" onClick={() => callOutlet(o.phone)}>
                拨打电话
              </Button>
              <Button type="primary" className="outlet__nav" onClick={() => navigateTo(o)}>
                导航
              </Button>
            </View>
          </>
        )}
      </Loaded>
    </View>
  )
}
