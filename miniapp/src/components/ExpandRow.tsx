import { Text, View } from '@tarojs/components'
import { type ReactNode, useState } from 'react'
import { Rows } from './Rows'
import './ExpandRow.css'

/** one period of a list; the down arrow expands its detail (manual 4.2 (4), (5)) */
export function ExpandRow({
  title,
  subtitle,
  amount,
  tag,
  details,
}: {
  title: string
  subtitle: string
  amount: string
  tag?: ReactNode
  details: [string, ReactNode][]
}) {
  const [open, setOpen] = useState(false)
  return (
    <View className={`expand${open ? ' expand--open' : ''}`}>
      <View className="expand__head" onClick={() => setOpen(!open)}>
        <View className="expand__text">
          <Text className="expand__title">
            {title}
            {tag}
          </Text>
          <Text className="expand__subtitle">{subtitle}</Text>
        </View>
        <Text className="expand__amount">{amount}</Text>
        <Text className="expand__arrow">{open ? '▴' : '▾'}</Text>
      </View>
      {open && <Rows rows={details} />}
    </View>
  )
}
