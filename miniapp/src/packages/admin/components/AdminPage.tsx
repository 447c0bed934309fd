import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useDesignScale } from './design-scale'
import './admin.css'

/** the frame of every console page: a phone-width column, centred on a desktop screen */
export function AdminPage({ className = '', children }: { className?: string; children: ReactNode }) {
  useDesignScale()
  return <View className={`page admin ${className}`}>{children}</View>
}
