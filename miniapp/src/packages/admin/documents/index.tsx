import type { OutputOf } from '@gjj/shared/api/contract'
import { type getStaffDocument, REVOKE_REASON_MAX } from '@gjj/shared/api/document-admin'
import { chinaDateTime } from '@gjj/shared/clock'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Tag, type Tone } from '../../../components/Tag'
import { fieldErrors } from '../../../lib/errors'
import { useBusy } from '../../../lib/use-busy'
import { AdminPage } from '../components/AdminPage'
import { ConsoleBar } from '../components/ConsoleBar'
import { adminUrl } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { staffApi } from '../components/staff-api'
import './index.css'

type Doc = OutputOf<typeof getStaffDocument>

const STATUS: Record<Doc['status'], { text: string; tone: Tone }> = {
  valid: { text: '有效', tone: 'green' },
  expired: { text: '已过期', tone: 'grey' },
  revoked: { text: '已作废', tone: 'red' },
}

/**
 * 证明作废 (issue 15 gap, decision 81): a reviewer enters an 电子证明's number, checks what it says
 * (kind, issuer, dates, the facts printed), gives a reason and annuls it after a confirmation.
 * Only documents of the reviewer's own center are found.
 */
export default function DocumentRevokePage() {
  const signedIn = useStaffGuard(adminUrl.documents())
  return <AdminPage className="doc-revoke">{signedIn && <RevokeDesk />}</AdminPage>
}

function RevokeDesk() {
  const [number, setNumber] = useState('')
  const [doc, setDoc] = useState<Doc | null>(null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ number?: string; reason?: string; form?: string }>({})
  const { busy, run } = useBusy()

  const find = () =>
    run(
      async () => {
        setDoc(null)
        setReason('')
        setErrors({})
        setDoc(await staffApi.getStaffDocument({ number: number.trim().toUpperCase() }))
      },
      (e) => setErrors(fieldErrors(e, ['number'] as const)),
    )

  const revoke = () =>
    run(
      async () => {
        if (!doc) return
        if (!reason.trim()) {
          setErrors({ reason: '请填写作废原因' })
          return
        }
        const { confirm } = await Taro.showModal({
          title: '确认作废',
          content: `作废后，证明 ${doc.number} 在验证页将显示“已作废”，且不能恢复。确定作废吗？`,
          confirmText: '作废',
          confirmColor: '#dc2626',
          cancelText: '取消',
        })
        if (!confirm) return
        setDoc(await staffApi.revokeDocument({ number: doc.number, reason }))
        setErrors({})
        Taro.showToast({ title: '已作废', icon: 'success' })
      },
      (e) => setErrors(fieldErrors(e, ['reason'] as const)),
    )

  return (
    <ConsoleBar current="documents">
      {() => (
        <>
          <View className="console-form">
            <Text className="doc-revoke__heading">证明作废</Text>
            <Text className="console-form__label">证明编号</Text>
            <View className="doc-revoke__search">
              <Input
                className="console-form__input doc-revoke__number"
                value={number}
                maxLength={20}
                placeholder="ZM 开头的20位编号，见证明右上角"
                onChange={(v) => {
                  setNumber(v)
                  if (errors.number) setErrors({})
                }}
              />
              <Button className="doc-revoke__find" type="primary" size="small" loading={busy && !doc} onClick={find}>
                查询
              </Button>
            </View>
            {errors.number && <Text className="field-error">{errors.number}</Text>}
            {errors.form && !doc && <Text className="field-error">{errors.form}</Text>}
          </View>
          {doc && <Facts doc={doc} />}
          {doc && doc.status !== 'revoked' && (
            <View className="console-form doc-revoke__form">
              <View className="console-form__label">
                <Text>作废原因</Text>
                <Text
                  className={`console-form__hint${reason.length > REVOKE_REASON_MAX ? ' console-form__hint--over' : ''}`}
                >
                  {reason.length}/{REVOKE_REASON_MAX}
                </Text>
              </View>
              <TextArea
                className="console-form__input doc-revoke__reason"
                value={reason}
                placeholder="如：信息有误，已重新开具"
                maxLength={REVOKE_REASON_MAX}
                rows={3}
                onChange={(v) => {
                  setReason(v)
                  if (errors.reason) setErrors({})
                }}
              />
              {errors.reason && <Text className="field-error">{errors.reason}</Text>}
              {errors.form && <Text className="field-error">{errors.form}</Text>}
              <Button className="doc-revoke__submit" type="danger" block loading={busy} onClick={revoke}>
                作废
              </Button>
            </View>
          )}
        </>
      )}
    </ConsoleBar>
  )
}

function Facts({ doc }: { doc: Doc }) {
  const status = STATUS[doc.status]
  const rows: { label: string; value: string }[] = [
    { label: '证明编号', value: doc.number },
    { label: '开具中心', value: doc.centerName },
    { label: '开具时间', value: chinaDateTime(doc.issuedAt) },
    { label: '有效期至', value: doc.validUntil },
    ...doc.facts,
    ...(doc.revokedAt
      ? [
          { label: '作废时间', value: chinaDateTime(doc.revokedAt) },
          { label: '作废原因', value: doc.revokeReason ?? '' },
          { label: '作废人', value: doc.revokedBy ?? '' },
        ]
      : []),
  ]
  return (
    <View className="console-form doc-revoke__doc">
      <View className="doc-revoke__title">
        <Text>{doc.title}</Text>
        <Tag tone={status.tone}>{status.text}</Tag>
      </View>
      {rows.map((r) => (
        <View key={r.label} className="doc-revoke__row">
          <Text className="doc-revoke__label">{r.label}</Text>
          <Text className="doc-revoke__value">{r.value}</Text>
        </View>
      ))}
    </View>
  )
}
