import { ACTOR_LABELS, STATE_LABELS, TIMELINE_LABELS } from '@gjj/shared/workflow'
import { Text, View } from '@tarojs/components'
import { formatInstant } from '../../../lib/format'
import type { ReviewDetail } from './types'

type Event = ReviewDetail['timeline'][number]

function opinionLabel(e: Event) {
  return e.action === 'return' ? '退回原因' : e.action === 'approve' ? '审批意见' : '说明'
}

/** 流程信息: every step with who, when, what and the reviewer's words, oldest first */
export function Timeline({ events }: { events: Event[] }) {
  if (events.length === 0) return <View className="empty">暂无流程记录</View>
  return (
    <View className="timeline">
      {events.map((e) => (
        <View className="timeline__step" key={`${e.at}-${e.action}`}>
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__line">
              <Text className="timeline__action">{TIMELINE_LABELS[e.action]}</Text>
              <Text className="timeline__state">→ {STATE_LABELS[e.to]}</Text>
            </View>
            <Text className="timeline__meta">
              {formatInstant(e.at)} · {e.actorName}（{ACTOR_LABELS[e.actor]}）
            </Text>
            {e.opinion && (
              <Text className="timeline__opinion">
                {opinionLabel(e)}：{e.opinion}
              </Text>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
