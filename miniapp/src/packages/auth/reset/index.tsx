import type { Center } from '@gjj/shared/api/system'
import { appPasswordRules, checkAppPassword, checkIdNumber, checkSmsCode } from '@gjj/shared/validation'
import { Button, Cell, Input, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ApiRequestError, api } from '../../../api'
import { FormField, RuleList } from '../../../components/FormField'
import { Loaded } from '../../../components/Loaded'
import { SmsCodeField } from '../../../components/SmsCodeButton'
import { channel, deviceId } from '../../../lib/auth'
import { chooseCenter, chosenCenter } from '../../../lib/center'
import { errorText, fieldErrors } from '../../../lib/errors'
import { alipayAuthCode } from '../../../lib/platform-auth'
import { useBusy } from '../../../lib/use-busy'
import { useRequest } from '../../../lib/use-request'
import '../../../components/FormField.css'

type Started = { resetToken: string; phoneMasked: string; methods: ('sms' | 'alipay')[] }
type Errors = Partial<
  Record<'center' | 'idNumber' | 'name' | 'smsCode' | 'newPassword' | 'confirmPassword' | 'form', string>
>

/**
 * 忘记密码 (issue 11; not in the manual): 1) 公积金中心, 身份证号码, 姓名; 2) a code sent to the phone
 * on record (masked) — in Alipay, 支付宝身份验证 instead — and the new password twice. Afterwards
 * every login of the person has ended; they log in with the new password.
 */
export default function ResetPasswordPage() {
  const [center, setCenter] = useState<Center | undefined>(chosenCenter())
  const [picking, setPicking] = useState(false)
  const centers = useRequest(() => api.listCenters().then((r) => r.centers))
  const [idNumber, setIdNumber] = useState('')
  const [name, setName] = useState('')
  const [started, setStarted] = useState<Started>()
  const [smsCode, setSmsCode] = useState('')
  const [newPassword, setNewPassword] = useState('')
  const [confirmPassword, setConfirmPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const { busy, run } = useBusy()

  const next = () => {
    if (!center) return setErrors({ center: '请选择公积金中心' })
    const id = checkIdNumber(idNumber)
    if (!id.ok) return setErrors({ idNumber: id.message })
    if (!name.trim()) return setErrors({ name: '请输入姓名' })
    setErrors({})
    return run(
      async () =>
        setStarted(
          await api.startPasswordReset({ centerCode: center.code, idNumber: id.value, name: name.trim(), channel }),
        ),
      (e) => setErrors(fieldErrors(e, ['idNumber', 'name'] as const)),
    )
  }

  const sendCode = async () => {
    if (!started) return undefined
    try {
      const sent = await api.sendPasswordResetCode({ resetToken: started.resetToken })
      Taro.showToast({ title: '验证码已发送', icon: 'success' })
      return sent.resendAfterSeconds
    } catch (e) {
      setErrors({ form: errorText(e) })
      return e instanceof ApiRequestError ? e.body.retryAfterSeconds : undefined
    }
  }

  const finish = (method: 'sms' | 'alipay') => {
    if (!started) return
    if (method === 'sms') {
      const code = checkSmsCode(smsCode)
      if (!code.ok) return setErrors({ smsCode: code.message })
    }
    const pw = checkAppPassword(newPassword)
    if (!pw.ok) return setErrors({ newPassword: pw.message })
    if (confirmPassword !== newPassword) return setErrors({ confirmPassword: '两次输入的新密码不一致' })
    setErrors({})
    return run(
      async () => {
        const proof =
          method === 'sms' ? { smsCode: smsCode.trim() } : { authCode: await alipayAuthCode(['auth_user'], deviceId()) }
        await api.resetPassword({ resetToken: started.resetToken, method, ...proof, newPassword, confirmPassword })
        await Taro.showModal({ title: '密码已重置', content: '请使用新密码登录。', showCancel: false })
        Taro.navigateBack()
      },
      (e) => {
        if (e instanceof ApiRequestError && e.status === 401) setStarted(undefined)
        setErrors(fieldErrors(e, ['smsCode', 'newPassword', 'confirmPassword'] as const))
      },
    )
  }

  return (
    <View className="page">
      {!started ? (
        <>
          <View className="form-card">
            <FormField label="公积金中心" error={errors.center}>
              <View className="reset-center" onClick={() => setPicking(true)}>
                <Text className={center ? '' : 'muted'}>{center ? center.name : '请选择'}</Text>
              </View>
            </FormField>
            <FormField label="身份证号码" error={errors.idNumber}>
              <Input className="reset-id" placeholder="请输入" value={idNumber} onChange={setIdNumber} maxLength={18} />
            </FormField>
            <FormField label="姓名" error={errors.name}>
              <Input className="reset-name" placeholder="请输入" value={name} onChange={setName} maxLength={30} />
            </FormField>
          </View>
          {errors.form && <Text className="field-error form-note">{errors.form}</Text>}
          <View className="form-actions">
            <Button block type="primary" loading={busy} disabled={busy} onClick={next}>
              下一步
            </Button>
          </View>
          <Text className="form-note">请填写在公积金中心登记的身份证号码和姓名，验证码将发送到您的预留手机号码。</Text>
        </>
      ) : (
        <>
          <View className="form-card">
            <FormField label="预留手机号">
              <Text className="reset-phone">{started.phoneMasked}</Text>
            </FormField>
            <SmsCodeField
              className="reset-code"
              value={smsCode}
              onChange={setSmsCode}
              send={sendCode}
              error={errors.smsCode}
            />
            <FormField
              label="新密码"
              error={errors.newPassword}
              hint={<RuleList rules={appPasswordRules(newPassword)} />}
            >
              <Input
                className="reset-new"
                type="password"
                placeholder="请输入新密码"
                value={newPassword}
                onChange={setNewPassword}
                maxLength={32}
              />
            </FormField>
            <FormField label="确认密码" error={errors.confirmPassword}>
              <Input
                className="reset-confirm"
                type="password"
                placeholder="请再次输入新密码"
                value={confirmPassword}
                onChange={setConfirmPassword}
                maxLength={32}
              />
            </FormField>
          </View>
          {errors.form && <Text className="field-error form-note">{errors.form}</Text>}
          <View className="form-actions">
            <Button block type="primary" loading={busy} disabled={busy} onClick={() => finish('sms')}>
              提交
            </Button>
            {started.methods.includes('alipay') && (
              <Button
                block
                fill="outline"
                type="primary"
                disabled={busy}
                onClick={() => finish('alipay')}
                style={{ marginTop: 12 }}
              >
                使用支付宝身份验证
              </Button>
            )}
          </View>
          <Text className="form-note">重置成功后，该账号在所有设备上的登录都将退出。</Text>
        </>
      )}

      <Popup visible={picking} position="bottom" round title="选择公积金中心" onClose={() => setPicking(false)}>
        <View className="center-list" style={{ maxHeight: '60vh', overflowY: 'auto' }}>
          <Loaded state={centers} plain>
            {(list) =>
              list.map((c) => (
                <Cell
                  key={c.code}
                  title={c.name}
                  clickable
                  onClick={() => {
                    setCenter(c)
                    chooseCenter(c)
                    setPicking(false)
                  }}
                />
              ))
            }
          </Loaded>
        </View>
      </Popup>
    </View>
  )
}
