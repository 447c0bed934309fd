import { type ApplicationState, STATE_LABELS } from '@gjj/shared/workflow'
import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Tag.css'

export type Tone = 'blue' | 'green' | 'red' | 'grey'

/** a small coloured label beside a title: 逾期, 已还, 办理中, 必传 */
export function Tag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Text className={`tag tag--${tone}`}>{children}</Text>
}

/** the one colour of each workflow state, wherever an application's state is shown */
export const STATE_TONES: Record<ApplicationState, Tone> = {
  draft: 'grey',
  submitted: 'blue',
  approved: 'green',
  returned: 'red',
  ended: 'grey',
}

/** an application's state as a tag: 草稿 / 待审批 / 审批通过 / 退回 / 已结束 */
export function StatusTag({ status }: { status: ApplicationState }) {
  return <Tag tone={STATE_TONES[status]}>{STATE_LABELS[status]}</Tag>
}
