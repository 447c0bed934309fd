import type { Check } from '@gjj/shared/validation'
import { checkPasswordChange } from '@gjj/shared/validation'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type ReactNode, useState } from 'react'
import { FormField } from '../../components/FormField'
import { fieldErrors } from '../../lib/errors'
import { useBusy } from '../../lib/use-busy'
import '../../components/FormField.css'

type Field = 'oldPassword' | 'newPassword' | 'confirmPassword'
const FIELDS = ['oldPassword', 'newPassword', 'confirmPassword'] as const

/**
 * 旧密码, 新密码, 确认密码, 【确认修改】 (manual 7.4.1 and 7.4.2): checked on the device with the same
 * rules as the server (shared/validation), the server's refusal shown under its field.
 */
export function PasswordChangeForm({
  policy,
  rules,
  digits,
  save,
  done,
  note,
}: {
  policy: (password: string) => Check<string>
  /** the policy shown while the person types the new password */
  rules: (password: string, old: string) => ReactNode
  /** 12329: a 6-digit numeric password */
  digits?: boolean
  save: (input: Record<Field, string>) => Promise<unknown>
  done: string
  note: string
}) {
  const [form, setForm] = useState<Record<Field, string>>({ oldPassword: '', newPassword: '', confirmPassword: '' })
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({})
  const { busy, run } = useBusy()
  const set = (key: Field) => (value: string) => setForm((f) => ({ ...f, [key]: value }))

  const submit = () => {
    const checked = checkPasswordChange(form, policy)
    if (!checked.ok) return setErrors({ [checked.field ?? 'form']: checked.message })
    setErrors({})
    return run(
      async () => {
        await save(form)
        await Taro.showModal({ title: '修改成功', content: done, showCancel: false })
        Taro.navigateBack()
      },
      (e) => setErrors(fieldErrors(e, FIELDS)),
    )
  }

  const input = (key: Field, placeholder: string) => (
    <Input
      className={`pw-${key}`}
      type={digits ? 'number' : 'password'}
      placeholder={placeholder}
      value={form[key]}
      onChange={set(key)}
      maxLength={digits ? 6 : 32}
      {...(digits ? { style: { WebkitTextSecurity: 'disc' } as never } : {})}
    />
  )

  return (
    <View className="page">
      <View className="form-card">
        <FormField label="旧密码" error={errors.oldPassword}>
          {input('oldPassword', '请输入旧密码')}
        </FormField>
        <FormField label="新密码" error={errors.newPassword} hint={rules(form.newPassword, form.oldPassword)}>
          {input('newPassword', '请输入新密码')}
        </FormField>
        <FormField label="确认密码" error={errors.confirmPassword}>
          {input('confirmPassword', '请再次输入新密码')}
        </FormField>
      </View>
      {errors.form && <Text className="field-error form-note">{errors.form}</Text>}
      <View className="form-actions">
        <Button block type="primary" loading={busy} disabled={busy} onClick={submit}>
          确认修改
        </Button>
      </View>
      <Text className="form-note">{note}</Text>
    </View>
  )
}
