import { Button } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ApiRequestError } from '../../../api'
import { amountLabel, amountText } from '../../../lib/application'
import { errorText, fieldErrors } from '../../../lib/errors'
import { markQueueStale } from '../components/queue-stale'
import { staffApi } from '../components/staff-api'
import { ReviewDialog, type SubmitOutcome } from './ReviewDialog'
import type { ReviewDetail } from './types'

type Mode = 'approve' | 'return'

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
export function ReviewBar({ detail, onChanged }: { detail: ReviewDetail; onChanged: () => void }) {
  const [mode, setMode] = useState<Mode>()
  const can = (m: Mode) => detail.availableActions.includes(m)
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
        confirmText={dialog.confirmText}
        onSubmit={submit}
        onClose={() => setMode(undefined)}
      />
    </>
  )
}
