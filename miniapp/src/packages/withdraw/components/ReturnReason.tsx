import { Text, View } from '@tarojs/components'
import './withdraw.css'

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
