import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { openDetail } from './routes'
import './withdraw.css'

/** a page that cannot go on: why, and the application to look at instead */
export function Blocked({ reason, applicationId }: { reason: string; applicationId?: string }) {
  return (
    <>
      <View className="wd-alert wd-alert--info">
        <Text>{reason}</Text>
      </View>
      <View className="wd-actions">
        {applicationId && (
          <Button block type="primary" onClick={() => openDetail(applicationId)}>
            查看办理进度
          </Button>
        )}
        <Button block type="primary" fill="outline" onClick={() => Taro.navigateBack()}>
          返回
        </Button>
      </View>
    </>
  )
}

/** the center's return reason, shown while an application is returned */
export function ReturnReason({ reason }: { reason: string | null }) {
  if (!reason) return null
  return (
    <View className="wd-alert wd-return-reason">
      <Text className="wd-alert__title">退回原因</Text>
      <Text>{reason}</Text>
    </View>
  )
}
