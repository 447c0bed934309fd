import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Rows.css'

/** label / value rows of a record, as on the manual's query screens */
export function Rows({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <View className="rows">
      {rows.map(([label, value]) => (
        <View className="rows__row" key={label}>
          <Text className="rows__label">{label}</Text>
          <Text className="rows__value">{value}</Text>
        </View>
      ))}
    </View>
  )
}
