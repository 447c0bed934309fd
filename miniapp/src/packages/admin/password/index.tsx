import { appPasswordRules } from '@gjj/shared/validation'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { fieldErrors } from '../../../lib/errors'
import { useBusy } from '../../../lib/use-busy'
import { useRequest } from '../../../lib/use-request'
import { AdminPage } from '../components/AdminPage'
import { adminUrl, homeFor } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { staffApi } from '../components/staff-api'

type Field = 'oldPassword' | 'newPassword' | 'confirmPassword'
const LABELS: Record<Field, string> = { oldPassword: '原密码', newPassword: '新密码', confirmPassword: '确认新密码' }

/**
 * 修改密码 (issue 13): any staff member; the page a password set by a center admin (a new account,
 * a reset) leads to, and the only one open until it is changed. The policy is the depositors'.
 */
export default function StaffPasswordPage() {
  const signedIn = useStaffGuard(adminUrl.password())
  return <AdminPage className="staff-password">{signedIn && <PasswordForm />}</AdminPage>
}

function PasswordForm() {
  const me = useRequest(() => staffApi.staffMe())
  const [values, setValues] = useState<Record<Field, string>>({ oldPassword: '', newPassword: '', confirmPassword: '' })
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({})
  const { busy, run } = useBusy()
  const set = (f: Field) => (v: string) => setValues((old) => ({ ...old, [f]: v }))

  const submit = () =>
    run(
      async () => {
        setErrors({})
        await staffApi.changeStaffPassword(values)
        Taro.showToast({ title: '密码已修改', icon: 'success' })
        Taro.redirectTo({ url: homeFor(me.data?.roles ?? ['reviewer']) })
      },
      (e) => setErrors(fieldErrors(e, ['oldPassword', 'newPassword', 'confirmPassword'])),
    )

  return (
    <View className="console-form staff-password__form">
      {me.data?.mustChangePassword && (
        <Text className="staff-password__notice">您的密码由管理员设置，请先修改密码后再使用控制台</Text>
      )}
      {(Object.keys(LABELS) as Field[]).map((f) => (
        <View key={f} className="console-form__field">
          <Text className="console-form__label">{LABELS[f]}</Text>
          <Input
            className={`console-form__input staff-password__${f}`}
            type="password"
            placeholder={`请输入${LABELS[f]}`}
            value={values[f]}
            maxLength={128}
            onChange={set(f)}
          />
          {errors[f] && <Text className="field-error">{errors[f]}</Text>}
        </View>
      ))}
      <View className="console-form__hint">
        {appPasswordRules(values.newPassword).map((r) => (
          <Text key={r.rule} className={r.ok ? 'staff-password__rule--ok' : ''}>
            {r.ok ? '✓ ' : '· '}
            {r.rule}{' '}
          </Text>
        ))}
      </View>
      {errors.form && <Text className="field-error">{errors.form}</Text>}
      <View className="console-actions">
        <Button className="staff-password__submit" type="primary" loading={busy} disabled={busy} onClick={submit}>
          确认修改
        </Button>
      </View>
    </View>
  )
}
