import { chinaToday } from '@gjj/shared/clock'
import type { RepaymentMethod } from '@gjj/shared/loan/schedule'
import { formatYuan } from '@gjj/shared/money'
import { Button, Input, Radio } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import {
  type CalculatorForm,
  changeType,
  changeYears,
  checkForm,
  computeSchedule,
  type FieldName,
  fieldsOf,
  initialForm,
  LOAN_TYPES,
  type LoanType,
  METHODS,
  toQuery,
} from './form'
import { DECIMAL_INPUT, INTEGER_INPUT } from './input-type'
import './index.css'

interface FieldSpec {
  label: string
  unit: string
  placeholder: string
  type: typeof DECIMAL_INPUT | typeof INTEGER_INPUT
  maxLength: number
}

const amountField = (label: string): FieldSpec => ({
  label,
  unit: '万元',
  placeholder: '请输入金额',
  type: DECIMAL_INPUT,
  maxLength: 12,
})
const rateField = (label: string): FieldSpec => ({
  label,
  unit: '%',
  placeholder: '请输入年利率',
  type: DECIMAL_INPUT,
  maxLength: 8,
})

function fieldSpec(field: FieldName, type: LoanType): FieldSpec {
  const combined = type === 'combined'
  switch (field) {
    case 'amount':
      return amountField(combined ? '公积金贷款' : '贷款金额')
    case 'commercialAmount':
      return amountField('商业贷款')
    case 'rate':
      return rateField(combined ? '公积金利率' : '年利率')
    case 'commercialRate':
      return rateField('商业利率')
    case 'years':
      return { label: '贷款期限', unit: '年', placeholder: '1-30', type: INTEGER_INPUT, maxLength: 4 }
  }
}

/** manual 5.1.2: 还贷方式, 贷款类型, 金额, 期限 → 支付利息 and 还款总额 as the person types; no login, no network */
export default function CalculatorPage() {
  const today = useMemo(chinaToday, [])
  const [form, setForm] = useState<CalculatorForm>(() => initialForm(today))
  // a field's message shows once the person has typed in it (or asked for the details)
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({})

  const checked = useMemo(() => checkForm(form), [form])
  const schedule = useMemo(
    () => (checked.ok ? computeSchedule(checked.input, form.method) : undefined),
    [checked, form.method],
  )
  const errors = checked.ok ? {} : checked.errors

  const edit = (field: FieldName, value: string) => {
    setTouched((t) => ({ ...t, [field]: true }))
    setForm((f) => (field === 'years' ? changeYears(f, value, today) : { ...f, [field]: value }))
  }

  const openDetail = () => {
    if (!checked.ok) {
      setTouched(Object.fromEntries(fieldsOf(form.type).map((f) => [f, true])))
      return
    }
    Taro.navigateTo({ url: `/packages/tools/calculator-detail/index?${toQuery(checked.input, form.method)}` })
  }

  const firstPayment = schedule?.periods[0]?.paymentFen
  const lastPayment = schedule?.periods[schedule.periods.length - 1]?.paymentFen

  return (
    <View className="page calc">
      <View className="calc__card">
        <View className="calc__choice">
          <Text className="calc__label">还贷方式</Text>
          <Radio.Group
            className="calc__options calc__method"
            shape="button"
            direction="horizontal"
            value={form.method}
            options={METHODS.map((m) => ({ label: m.label, value: m.value }))}
            onChange={(v) => setForm((f) => ({ ...f, method: v as RepaymentMethod }))}
          />
        </View>
        <View className="calc__choice">
          <Text className="calc__label">贷款类型</Text>
          <Radio.Group
            className="calc__options calc__type"
            shape="button"
            direction="horizontal"
            value={form.type}
            options={LOAN_TYPES.map((t) => ({ label: t.label.replace('贷款', ''), value: t.value }))}
            onChange={(v) => setForm((f) => changeType(f, v as LoanType, today))}
          />
        </View>
        {fieldsOf(form.type).map((field) => {
          const spec = fieldSpec(field, form.type)
          const error = touched[field] ? errors[field] : undefined
          return (
            <View key={field} className={`calc__field calc__field--${field}`}>
              <View className={`calc__row${error ? ' calc__row--error' : ''}`}>
                <Text className="calc__label">{spec.label}</Text>
                <Input
                  className="calc__input"
                  type={spec.type}
                  placeholder={spec.placeholder}
                  value={form[field]}
                  maxLength={spec.maxLength}
                  onChange={(v) => edit(field, v)}
                />
                <Text className="calc__unit">{spec.unit}</Text>
              </View>
              {error && <Text className="field-error calc__error">{error}</Text>}
            </View>
          )
        })}
        <Text className="calc__hint">年利率已按现行公积金贷款利率或LPR预填，可按合同利率修改</Text>
      </View>

      <View className="calc__result">
        <View className="calc__figure">
          <Text className="calc__figure-label">支付利息(元)</Text>
          <Text className="calc__figure-value calc__interest">
            {schedule ? formatYuan(schedule.totalInterestFen) : '--'}
          </Text>
        </View>
        <View className="calc__figure">
          <Text className="calc__figure-label">还款总额(元)</Text>
          <Text className="calc__figure-value calc__total">
            {schedule ? formatYuan(schedule.totalPaymentFen) : '--'}
          </Text>
        </View>
        <View className="calc__monthly">
          {schedule && firstPayment !== undefined && lastPayment !== undefined ? (
            <Text>
              {form.method === 'equalInstallment'
                ? `每月月供 ${formatYuan(firstPayment)} 元，共 ${schedule.months} 期`
                : `首月月供 ${formatYuan(firstPayment)} 元，逐月递减至 ${formatYuan(lastPayment)} 元`}
            </Text>
          ) : (
            <Text className="muted">请填写贷款金额、期限和利率</Text>
          )}
        </View>
      </View>

      <View className="calc__submit">
        <Button block type="primary" onClick={openDetail}>
          还款详情
        </Button>
      </View>
      <Text className="calc__note">计算结果仅供参考，实际以贷款合同为准</Text>
    </View>
  )
}
