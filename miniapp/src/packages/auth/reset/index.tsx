import type { Center } from '@gjj/shared/api/system'
import { appPasswordRules, checkAppPassword, checkIdNumber, checkSmsCode } from '@gjj/shared/validation'
import { Button, Cell, Input, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ApiRequestError, api } from '../../../api'
import { FaceAgreement } from '../../../components/FaceAgreement'
import { FormField, RuleList } from '../../../components/FormField'
import { Loaded } from '../../../components/Loaded'
import { SmsCodeField } from '../../../components/SmsCodeButton'
import { channel, deviceId } from '../../../lib/auth'
import { chooseCenter, chosenCenter } from '../../../lib/center'
import { errorText, fieldErrors } from '../../../lib/errors'
import { alipayAuthCode, runFaceFlow, wechatLoginCode } from '../../../lib/platform-auth'
import { useBusy } from '../../../lib/use-busy'
import { useRequest } from '../../../lib/use-request'
import '../../../components/FormField.css'

type Method = 'sms' | 'alipay' | 'face'
type Started = { resetToken: string; phoneMasked: string; methods: Method[] }
type Errors = Partial<
  Record<'center' | 'idNumber' | 'name' | 'smsCode' | 'newPassword' | 'confirmPassword' | 'form', string>
>

/**
 * 忘记密码 (issue 11; not in the manual): 1) 公积金中心, 身份证号码, 姓名; 2) a code sent to the phone
 * on record (masked) — or the channel's own check instead: 支付宝身份验证 in Alipay, 刷脸 in WeChat —
 * and the new password twice. Afterwards
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
  const [faceAgreement, setFaceAgreement] = useState(false)
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

  /** whether the new password is ready; if not, the first rule it breaks is shown under its field */
  const passwordReady = () => {
    const pw = checkAppPassword(newPassword)
    const problem: Errors = !pw.ok
      ? { newPassword: pw.message }
      : confirmPassword !== newPassword
        ? { confirmPassword: '两次输入的新密码不一致' }
        : {}
    setErrors(problem)
    return Object.keys(problem).length === 0
  }

  /** what proves the person for `method`: the code typed, Alipay's auth code, or a finished 刷脸 */
  const proofOf = async (method: Method, resetToken: string) => {
    if (method === 'sms') return { smsCode: smsCode.trim() }
    if (method === 'alipay') return { authCode: await alipayAuthCode(['auth_user'], deviceId()) }
    const wxCode = await wechatLoginCode(deviceId())
    const face = await api.startPasswordResetFace({ resetToken, ...(wxCode ? { wxCode } : {}) })
    await runFaceFlow(face.verifyId)
    return { verifyId: face.verifyId }
  }

  const finish = (method: Method) => {
    setFaceAgreement(false)
    if (!started) return
    if (method === 'sms') {
      const code = checkSmsCode(smsCode)
      if (!code.ok) return setErrors({ smsCode: code.message })
    }
    if (!passwordReady()) return
    return run(
      async () => {
        const proof = await proofOf(method, started.resetToken)
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
            {started.methods.includes('face') && (
              <Button
                block
                fill="outline"
                type="primary"
                className="reset-face"
                disabled={busy}
                onClick={() => passwordReady() && setFaceAgreement(true)}
                style={{ marginTop: 12 }}
              >
                使用刷脸验证
              </Button>
            )}
          </View>
          <Text className="form-note">
            {started.methods.includes('face')
              ? '收不到验证码时，可填写新密码后使用刷脸验证本人身份。'
              : started.methods.includes('alipay')
                ? '收不到验证码时，可填写新密码后使用支付宝身份验证。'
                : ''}
            重置成功后，该账号在所有设备上的登录都将退出。
          </Text>
          <FaceAgreement
            visible={faceAgreement}
            busy={busy}
            onAgree={() => finish('face')}
            onClose={() => setFaceAgreement(false)}
          />
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
