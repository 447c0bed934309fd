import type { Notice } from '@gjj/shared/catalog'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { markNoticeRead, noticeRead } from './notice-read'
import './withdraw.css'

/**
 * 《…须知》 (manual 5.2.1.1 (4)): the link opens the notice; 【我知道了】 marks it read for the kind,
 * which submitting requires. `open`/`onOpenChange` let a page open it itself (submit before reading).
 */
export function useNotice(kind: string) {
  const [open, setOpen] = useState(false)
  const [read, setRead] = useState(() => noticeRead(kind))
  return {
    open,
    read,
    show: () => setOpen(true),
    hide: () => setOpen(false),
    acknowledge: () => {
      markNoticeRead(kind)
      setRead(true)
      setOpen(false)
    },
  }
}

export type NoticeState = ReturnType<typeof useNotice>

export function NoticeLink({ notice, state }: { notice: Notice; state: NoticeState }) {
  return (
    <>
      <View className="wd-notice-link">
        <Text className="wd-link wd-notice-link__title" onClick={state.show}>
          《{notice.title}》
        </Text>
        <Text className={`wd-notice-link__state${state.read ? ' wd-notice-link__state--read' : ''}`}>
          {state.read ? '已阅读' : '请阅读后提交'}
        </Text>
      </View>
      <Popup visible={state.open} position="bottom" round title={notice.title} onClose={state.hide}>
        <View className="wd-popup wd-notice">
          <View className="wd-popup__body">
            {notice.paragraphs.map((p, i) => (
              <Text className="wd-notice__para" key={p}>
                {i + 1}. {p}
              </Text>
            ))}
          </View>
          <View className="wd-actions">
            <Button block type="primary" className="wd-notice__ok" onClick={state.acknowledge}>
              我知道了
            </Button>
          </View>
        </View>
      </Popup>
    </>
  )
}
