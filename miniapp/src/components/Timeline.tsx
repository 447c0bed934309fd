import type { timelineEventSchema } from '@gjj/shared/api/application'
import { ACTOR_LABELS, TIMELINE_LABELS } from '@gjj/shared/workflow'
import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import { formatInstant } from '../lib/format'
import './Timeline.css'

export type TimelineEvent = z.infer<typeof timelineEventSchema>

const opinionLabel = (e: TimelineEvent) =>
  e.action === 'return' ? '退回原因' : e.action === 'approve' ? '审批意见' : '说明'

/**
 * 流程信息 of an application, for the depositor (流程信息查询) and the reviewer alike: each step's
 * action, time, who, and the opinion or return reason; the newest first.
 */
export function Timeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <View className="empty">暂无流程记录</View>
  const newestFirst = [...events].reverse()
  return (
    <View className="timeline">
      {newestFirst.map((e, i) => (
        <View
          className={`timeline__item timeline__item--${e.action}${i === 0 ? ' timeline__item--latest' : ''}`}
          key={`${e.at}-${e.action}`}
        >
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__head">
              <Text className="timeline__action">{TIMELINE_LABELS[e.action]}</Text>
              <Text className="timeline__time">{formatInstant(e.at)}</Text>
            </View>
            <Text className="timeline__actor">
              {ACTOR_LABELS[e.actor]}：{e.actorName}
            </Text>
            {e.opinion && (
              <Text className={`timeline__opinion${e.action === 'return' ? ' timeline__opinion--return' : ''}`}>
                {opinionLabel(e)}：{e.opinion}
              </Text>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
