import type { ApplicationSummary } from '@gjj/shared/api/application'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { StatusTag } from '../../../components/Tag'
import { amountText } from '../../../lib/application'
import { formatDay } from '../../../lib/format'
import '../components/withdraw.css'
import './application-card.css'

/** one application in 我的业务: kind, status, amount, date, and the buttons the list offers */
export function ApplicationCard({
  app,
  date,
  children,
  actions,
}: {
  app: ApplicationSummary
  /** which date to show, e.g. 申请日期 */
  date: [label: string, iso: string]
  children?: ReactNode
  actions: { label: string; onClick: () => void; primary?: boolean }[]
}) {
  return (
    <View className={`app-card app-card--${app.status}`}>
      <View className="app-card__head">
        <Text className="app-card__kind">{app.kindName}</Text>
        <StatusTag status={app.status} />
      </View>
      <View className="app-card__row">
        <Text className="muted">金额</Text>
        <Text>{amountText(app.amountFen)}</Text>
      </View>
      <View className="app-card__row">
        <Text className="muted">{date[0]}</Text>
        <Text>{formatDay(date[1])}</Text>
      </View>
      {children}
      <View className="app-card__actions">
        {actions.map((a) => (
          <Button
            key={a.label}
            size="small"
            type="primary"
            fill={a.primary ? 'solid' : 'outline'}
            className="app-card__action"
            onClick={a.onClick}
          >
            {a.label}
          </Button>
        ))}
      </View>
    </View>
  )
}
