import { checkPhone, checkSmsCode } from '@gjj/shared/validation'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ApiRequestError, api, session } from '../../../api'
import { FormField } from '../../../components/FormField'
import { Loaded } from '../../../components/Loaded'
import { SmsCodeField } from '../../../components/SmsCodeButton'
import { currentMe, signedIn } from '../../../lib/auth'
import { errorText, fieldErrors } from '../../../lib/errors'
import { useBusy } from '../../../lib/use-busy'
import { useRequest } from '../../../lib/use-request'

type Errors = Partial<Record<'newPhone' | 'smsCode' | 'form', string>>

/**
 * manual 5.1.3 修改手机号码: the current number masked, the new number, 【获取验证码】 (60-second
 * countdown), the code, 【提交】. On success every other session of the person has ended.
 */
export default function ChangePhonePage() {
  const profile = useRequest(() => api.getProfile())
  const [newPhone, setNewPhone] = useState('')
  const [smsCode, setSmsCode] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const { busy, run } = useBusy()

  const sendCode = async () => {
    const phone = checkPhone(newPhone)
    if (!phone.ok) {
      setErrors({ newPhone: phone.message })
      return undefined
    }
    setErrors({})
    try {
      const sent = await api.sendSmsCode({ purpose: 'changePhone', phone: phone.value })
      Taro.showToast({ title: '验证码已发送', icon: 'success' })
      return sent.resendAfterSeconds
    } catch (e) {
      setErrors(fieldErrors(e, ['phone'] as const).phone ? { newPhone: errorText(e) } : { form: errorText(e) })
      return e instanceof ApiRequestError ? e.body.retryAfterSeconds : undefined
    }
  }

  const submit = () => {
    const phone = checkPhone(newPhone)
    if (!phone.ok) return setErrors({ newPhone: phone.message })
    const code = checkSmsCode(smsCode)
    if (!code.ok) return setErrors({ smsCode: code.message })
    setErrors({})
    return run(
      async () => {
        const res = await api.changePhone({ newPhone: phone.value, smsCode: code.value })
        const me = currentMe()
        if (me && session.token) signedIn(session.token, { ...me, phoneMasked: res.phoneMasked })
        await Taro.showModal({
          title: '修改成功',
          content: `手机号码已修改为 ${res.phoneMasked}，请使用新手机号码登录；其他设备上的登录已退出。`,
          showCancel: false,
        })
        Taro.navigateBack()
      },
      (e) => setErrors(fieldErrors(e, ['newPhone', 'smsCode'] as const)),
    )
  }

  return (
    <View className="page">
      <Loaded state={profile} rows={3}>
        {(p) => (
          <>
            <View className="form-card">
              <FormField label="旧手机号码">
                <Text className="phone-old">{p.phoneMasked}</Text>
              </FormField>
              <FormField label="新手机号" error={errors.newPhone}>
                <Input
                  className="phone-new"
                  type="tel"
                  placeholder="请输入"
                  value={newPhone}
                  onChange={setNewPhone}
                  maxLength={11}
                />
              </FormField>
              <SmsCodeField
                className="phone-code"
                value={smsCode}
                onChange={setSmsCode}
                send={sendCode}
                error={errors.smsCode}
              />
            </View>
            {errors.form && <Text className="field-error form-note">{errors.form}</Text>}
            <View className="form-actions">
              <Button block type="primary" loading={busy} disabled={busy} onClick={submit}>
                提交
              </Button>
            </View>
            <Text className="form-note">
              验证码5分钟内有效。修改成功后，请使用新手机号码登录，其他设备上的登录将退出。
            </Text>
          </>
        )}
      </Loaded>
    </View>
  )
}
