import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Field.css'

/** a row that opens a chooser: the chosen value, or a grey placeholder, and an arrow */
export function SelectValue({
  value,
  placeholder,
  onClick,
}: {
  value?: ReactNode
  placeholder: string
  onClick: () => void
}) {
  return (
    <View className="wd-select" onClick={onClick}>
      <Text className={value ? '' : 'wd-select__placeholder'}>{value || placeholder}</Text>
      <Text className="wd-select__arrow">›</Text>
    </View>
  )
}
