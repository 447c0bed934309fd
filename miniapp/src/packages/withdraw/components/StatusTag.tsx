import type { ApplicationState } from '@gjj/shared/workflow'
import { Text } from '@tarojs/components'
import { STATUS_TONE } from './format'
import '../../../components/ExpandRow.css'
import './withdraw.css'

/** 草稿 / 待审批 / 审批通过 / 退回 / 已结束 as a coloured tag */
export function StatusTag({ status, label }: { status: ApplicationState; label: string }) {
  return <Text className={`tag tag--${STATUS_TONE[status]}`}>{label}</Text>
}
