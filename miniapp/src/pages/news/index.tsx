import { Cell } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { chosenCenter } from '../../lib/center'

/** manual chapter 3: the chosen center's website information */
export default function NewsPage() {
  const [center, setCenter] = useState(chosenCenter())
  useDidShow(() => setCenter(chosenCenter()))
  return (
    <View className="page">
      <View className="section-title">
        <Text>{center ? center.name : '尚未选择公积金中心'}</Text>
      </View>
      {!center && (
        <Cell title="选择所在缴存中心" clickable onClick={() => Taro.reLaunch({ url: '/pages/login/index' })} />
      )}
    </View>
  )
}
