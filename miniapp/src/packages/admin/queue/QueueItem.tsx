import type { reviewQueueItemSchema } from '@gjj/shared/api/admin'
import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import { StatusTag } from '../../../components/Tag'
import { amountText } from '../../../lib/application'
import { formatInstant } from '../../../lib/format'
import { openDetail } from '../components/routes'
import { waitingFor } from './waiting'

export type QueueItemData = z.infer<typeof reviewQueueItemSchema>

/**
 * one application in the queue; a tap opens its review. At a desk (≥ 1024 px) it is a table row:
 * 申请编号, 业务类型, 姓名, 证件号码 (masked), 金额, 提交时间, 等待时长, 状态 (queue/index.css).
 */
export function QueueItem({ item }: { item: QueueItemData }) {
  return (
    <View className="queue-item" onClick={() => openDetail(item.id)}>
      <View className="queue-row" role="row">
        <Text className="queue-row__id">{item.id}</Text>
        <Text>{item.kindName}</Text>
        <Text>{item.depositorName}</Text>
        <Text>{item.idNumberMasked}</Text>
        <Text className="queue-row__amount">{amountText(item.amountFen)}</Text>
        <Text>{formatInstant(item.submittedAt)}</Text>
        <Text className="queue-row__waiting">{item.status === 'submitted' ? waitingFor(item.submittedAt) : '—'}</Text>
        <StatusTag status={item.status} />
      </View>
      <View className="queue-item__line queue-card">
        <Text className="queue-item__kind">{item.kindName}</Text>
        <StatusTag status={item.status} />
      </View>
      <View className="queue-item__line">
        <Text className="queue-item__who">
          {item.depositorName}
          <Text className="queue-item__id">{item.idNumberMasked}</Text>
        </Text>
        <Text className="queue-item__amount">{amountText(item.amountFen)}</Text>
      </View>
      <View className="queue-item__line">
        <Text className="muted queue-item__time">提交时间 {formatInstant(item.submittedAt)}</Text>
        <Text className="queue-item__open">详情 ›</Text>
      </View>
    </View>
  )
}
