import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Field.css'

/** a labelled form row with its hint and, below it, its error */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string
  error?: string
  hint?: string
  children: ReactNode
}) {
  return (
    <View className="wd-field">
      <View className="wd-field__row">
        <Text className="wd-field__label">{label}</Text>
        <View className="wd-field__control">{children}</View>
      </View>
      {hint && !error && <Text className="wd-field__hint">{hint}</Text>}
      {error && <View className="field-error">{error}</View>}
    </View>
  )
}

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
