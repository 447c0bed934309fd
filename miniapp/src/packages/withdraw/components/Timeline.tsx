import type { ApplicationDetail } from '@gjj/shared/api/application'
import { ACTOR_LABELS, TIMELINE_LABELS } from '@gjj/shared/workflow'
import { Text, View } from '@tarojs/components'
import { formatInstant } from '../../../lib/format'
import './timeline.css'

type TimelineEvent = ApplicationDetail['timeline'][number]

const opinionLabel = (e: TimelineEvent) => (e.action === 'return' ? '退回原因' : '审批意见')

/** 流程信息查询: each step's time, who, what, and the opinion or return reason; the newest first */
export function Timeline({ events }: { events: TimelineEvent[] }) {
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
