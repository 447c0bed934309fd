import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { openDetail } from '../components/routes'
import '../components/withdraw.css'

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
