import { View } from '@tarojs/components'

export default function CalculatorDetailPage() {
  return <View className="page">还款详情</View>
}
