import type { WithdrawalKind } from '@gjj/shared/catalog'
import { Input, Radio } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import { FormField } from '../../../components/FormField'
import { LOAN_SOURCES } from '../../../lib/application'
import type { FieldErrors } from '../../../lib/errors'
import type { ApplyForm } from './apply-form'

type Setter = (key: keyof ApplyForm) => (value: string) => void

/** the first step of the partial withdrawals: 提取信息 (manual 5.2.1.3 – 5.2.1.5 (1)) */
export function KindFields({
  kind,
  form,
  errors,
  set,
}: {
  kind: WithdrawalKind
  form: ApplyForm
  errors: FieldErrors
  set: Setter
}) {
  const text = (key: keyof ApplyForm, placeholder: string, type: 'text' | 'digit' | 'number' = 'text', max = 100) => (
    <Input
      className={`apply__${key}`}
      type={type}
      placeholder={placeholder}
      value={form[key]}
      maxLength={max}
      onChange={set(key)}
    />
  )
  const fields: Record<WithdrawalKind, ReactNode> = {
    retirement: null,
    termination: null,
    rent: (
      <>
        <FormField label="租房地址" error={errors.rentAddress}>
          {text('rentAddress', '请输入租房地址', 'text', 200)}
        </FormField>
        <FormField label="月租金（元）" error={errors.monthlyRentFen}>
          {text('monthlyRent', '请输入每月租金', 'digit', 14)}
        </FormField>
        <FormField label="租房月数" error={errors.months}>
          {text('months', '本次提取的租房月数', 'number', 3)}
        </FormField>
      </>
    ),
    propertyFee: (
      <>
        <FormField label="房屋地址" error={errors.propertyAddress}>
          {text('propertyAddress', '请输入房屋地址', 'text', 200)}
        </FormField>
        <FormField label="物业费月数" error={errors.months}>
          {text('months', '本次提取的物业费月数', 'number', 3)}
        </FormField>
      </>
    ),
    loanRepayment: (
      <>
        <FormField label="贷款来源" error={errors['loan.source']}>
          <Radio.Group
            className="apply__loanSource"
            value={form.loanSource}
            direction="vertical"
            onChange={(v) => set('loanSource')(String(v))}
          >
            <Radio value="ownCenter">{LOAN_SOURCES.ownCenter}</Radio>
            <Radio value="commercial">{LOAN_SOURCES.commercial}</Radio>
          </Radio.Group>
        </FormField>
        {form.loanSource === 'commercial' && (
          <>
            <FormField label="贷款银行" error={errors['loan.lenderName']}>
              {text('lenderName', '请输入发放贷款的银行', 'text', 50)}
            </FormField>
            <FormField label="借款合同编号" error={errors['loan.contractNo']}>
              {text('contractNo', '请输入借款合同编号', 'text', 64)}
            </FormField>
          </>
        )}
      </>
    ),
  }
  return <>{fields[kind]}</>
}
