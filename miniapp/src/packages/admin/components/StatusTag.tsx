import { type ApplicationState, STATE_LABELS } from '@gjj/shared/workflow'
import { Tag } from '@nutui/nutui-react-taro'
import { STATUS_TAG } from './format'

export function StatusTag({ status }: { status: ApplicationState }) {
  return (
    <Tag type={STATUS_TAG[status]} plain={status !== 'submitted'}>
      {STATE_LABELS[status]}
    </Tag>
  )
}
