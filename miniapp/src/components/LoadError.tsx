import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'

/** a failed load: the server's (or the network's) Chinese message and a retry */
export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="load-error">
      <Text className="load-error__text">{message}</Text>
      <Button size="small" type="primary" fill="outline" onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}
