import { View } from '@tarojs/components'

export default function CalculatorPage() {
  return <View className="page">房贷计算器</View>
}
