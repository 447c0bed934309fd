import type { OutputOf } from '@gjj/shared/api/contract'
import type { listStaffOutlets } from '@gjj/shared/api/publishing'
import { describeHours } from '@gjj/shared/info/hours'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Loaded } from '../../../components/Loaded'
import { Tag } from '../../../components/Tag'
import { useRefresh } from '../../../lib/use-refresh'
import { useRequest } from '../../../lib/use-request'
import { AdminPage } from '../components/AdminPage'
import { ConsoleBar } from '../components/ConsoleBar'
import { adminUrl } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { staffApi } from '../components/staff-api'

type Outlet = OutputOf<typeof listStaffOutlets>['outlets'][number]

/** 网点管理 (issue 10): the center's 服务网点, 新建 and a tap to edit */
export default function OutletDeskPage() {
  const signedIn = useStaffGuard(adminUrl.outlets())
  return (
    <AdminPage className="outlet-desk">
      {signedIn && <ConsoleBar current="outlets">{() => <Outlets />}</ConsoleBar>}
    </AdminPage>
  )
}

function Outlets() {
  const outlets = useRequest(() => staffApi.listStaffOutlets())
  useRefresh(outlets.reload, { onReturn: true })
  return (
    <>
      <View className="console-toolbar">
        <Text className="console-item__meta">{outlets.data ? `共 ${outlets.data.outlets.length} 个网点` : ' '}</Text>
        <Button
          className="outlet-desk__new"
          type="primary"
          size="small"
          onClick={() => Taro.navigateTo({ url: adminUrl.outletEdit() })}
        >
          新建网点
        </Button>
      </View>
      <Loaded state={outlets} rows={6}>
        {(d) =>
          d.outlets.length === 0 ? (
            <View className="empty">还没有服务网点，点「新建网点」添加</View>
          ) : (
            d.outlets.map((o) => <OutletItem key={o.id} outlet={o} />)
          )
        }
      </Loaded>
    </>
  )
}

function OutletItem({ outlet }: { outlet: Outlet }) {
  return (
    <View
      className="console-item outlet-desk__item"
      onClick={() => Taro.navigateTo({ url: adminUrl.outletEdit(outlet.id) })}
    >
      <View className="console-item__text">
        <View className="console-item__title">
          <Text>{outlet.name}</Text>
          <Tag tone={outlet.kind === '服务大厅' ? 'blue' : 'grey'}>{outlet.kind}</Tag>
        </View>
        <Text className="console-item__meta">{outlet.address}</Text>
        <Text className="console-item__meta">电话 {outlet.phone}</Text>
        {describeHours(outlet.hours).map((line) => (
          <Text key={line} className="console-item__meta outlet-desk__hours">
            {line}
          </Text>
        ))}
        <Text className="console-item__meta">可办理：{outlet.services.join('、')}</Text>
      </View>
    </View>
  )
}
