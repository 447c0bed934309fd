import { Button } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ApiRequestError } from '../../../api'
import { amountLabel, amountText } from '../../../lib/application'
import { errorText, fieldErrors } from '../../../lib/errors'
import { markQueueStale } from '../components/queue-stale'
import { staffApi } from '../components/staff-api'
import { ReviewDialog, type SubmitOutcome } from './ReviewDialog'
import type { ReviewDetail } from './types'

type Mode = 'approve' | 'return'

/** 常用退回原因: a tap fills the reason, which can still be edited (free text allowed) */
const COMMON_RETURN_REASONS = [
  '档案材料不清晰，请重新上传',
  '缺少必要的证明材料，请补充上传',
  '上传的材料与申请类型不符',
  '银行卡信息有误，请核对后重新提交',
  '申请金额与材料不符，请核对',
]

function approveMessage(d: ReviewDetail) {
  const label = amountLabel(d.kind)
  const money = label ? `，${label} ${amountText(d.amountFen)}` : ''
  return `确认审批通过 ${d.depositor.name} 的${d.kindName}申请${money}？审批通过后立即办理，不能撤销。`
}

const DIALOGS = {
  approve: {
    title: '审批通过',
    placeholder: '审批意见（选填）',
    confirmText: '确认通过',
    field: 'opinion',
    success: '已审批通过',
  },
  return: {
    title: '退回申请',
    placeholder: '请填写退回原因，缴存人将在“待办事项”中看到',
    confirmText: '确认退回',
    field: 'reason',
    success: '已退回',
  },
} as const

/**
 * 【退回】 and 【审批通过】 at the foot of the review, each through its dialog. After the action the
 * review reloads; when someone else acted first (409) the reviewer is told so and it reloads too.
 */
export function ReviewBar({
  detail,
  onChanged,
  onDecided,
}: {
  detail: ReviewDetail
  onChanged: () => void
  /** after 审批通过 or 退回: the next application waiting opens (issue 13) */
  onDecided?: () => unknown
}) {
  const [mode, setMode] = useState<Mode>()
  const can = (m: Mode) => detail.availableActions.includes(m)
  // A: 审批通过, B: 退回 (退回 needs a reason: the dialog opens)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (mode || (target && /^(INPUT|TEXTAREA)$/.test(target.tagName))) return
      if (e.key === 'a' && detail.availableActions.includes('approve')) setMode('approve')
      else if (e.key === 'b' && detail.availableActions.includes('return')) setMode('return')
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [mode, detail.availableActions])
  if (!can('approve') && !can('return')) return null

  const finish = (title: string, icon: 'success' | 'none') => {
    markQueueStale()
    onChanged()
    Taro.showToast({ title, icon, duration: icon === 'none' ? 2500 : 1500 })
  }

  const submit = async (text: string): Promise<SubmitOutcome> => {
    if (!mode) return { done: true }
    try {
      if (mode === 'approve') await staffApi.approveApplication({ id: detail.id, ...(text ? { opinion: text } : {}) })
      else await staffApi.returnApplication({ id: detail.id, reason: text })
      finish(DIALOGS[mode].success, 'success')
      // the decision shows on the review with its toast (1.5 s), then the next waiting one opens
      if (onDecided) setTimeout(() => void onDecided(), 1500)
      return { done: true }
    } catch (e) {
      if (e instanceof ApiRequestError && e.status === 409) {
        markQueueStale()
        onChanged()
        void Taro.showModal({ title: '提示', content: errorText(e), showCancel: false, confirmColor: '#1a5fb4' })
        return { done: true }
      }
      // 401: the API client is already taking the reviewer to the login
      if (e instanceof ApiRequestError && e.status === 401) return { done: true }
      const errors = fieldErrors(e, [DIALOGS[mode].field])
      return { done: false, field: errors[DIALOGS[mode].field], form: errors.form }
    }
  }

  const dialog = mode ? DIALOGS[mode] : DIALOGS.approve
  return (
    <>
      <View className="review-bar__space" />
      <View className="review-bar">
        {can('return') && (
          <Button className="review-bar__button" type="danger" fill="outline" onClick={() => setMode('return')}>
            退回
          </Button>
        )}
        {can('approve') && (
          <Button className="review-bar__button" type="primary" onClick={() => setMode('approve')}>
            审批通过
          </Button>
        )}
      </View>
      <ReviewDialog
        visible={Boolean(mode)}
        title={dialog.title}
        message={mode === 'return' ? '退回后缴存人可修改并重新提交，或结束流程。' : approveMessage(detail)}
        placeholder={dialog.placeholder}
        required={mode === 'return' ? '请填写退回原因' : undefined}
        suggestions={mode === 'return' ? COMMON_RETURN_REASONS : []}
        confirmText={dialog.confirmText}
        onSubmit={submit}
        onClose={() => setMode(undefined)}
      />
    </>
  )
}
