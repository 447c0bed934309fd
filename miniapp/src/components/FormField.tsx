import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './FormField.css'

/** a labelled form row (提取/贷款业务 forms, 修改手机号码, 密码修改, 忘记密码), its hint, and its error below */
export function FormField({
  label,
  error,
  hint,
  extra,
  children,
}: {
  label: string
  error?: string | undefined
  hint?: ReactNode
  /** at the row's right end, e.g. 【获取验证码】 */
  extra?: ReactNode
  children: ReactNode
}) {
  return (
    <View className="form-field">
      <View className="form-field__row">
        <Text className="form-field__label">{label}</Text>
        <View className="form-field__control">{children}</View>
        {extra}
      </View>
      {hint && !error && <View className="form-field__hint">{hint}</View>}
      {error && <View className="field-error form-field__error">{error}</View>}
    </View>
  )
}

/** the password policy as a checklist that follows the typing */
/** `ok` undefined: a rule the device cannot check (the server does), shown as a plain note */
export function RuleList({ rules }: { rules: { rule: string; ok?: boolean }[] }) {
  return (
    <View className="rule-list">
      {rules.map((r) => (
        <Text key={r.rule} className={`rule-list__item${r.ok ? ' rule-list__item--ok' : ''}`}>
          {r.ok ? '✓' : '·'} {r.rule}
        </Text>
      ))}
    </View>
  )
}
