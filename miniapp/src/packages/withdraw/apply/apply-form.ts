import type { ApplicationData } from '@gjj/shared/api/application'
import {
  CLOSING_WITHDRAWAL_KINDS,
  counterMessage,
  informationLimit,
  type PartialLimits,
  type WithdrawalKind,
} from '@gjj/shared/catalog'
import { fenToYuanString } from '@gjj/shared/money'
import { checkYuanText } from '@gjj/shared/validation'
import { dataRows, type Row } from '../../../lib/application'
import type { FieldErrors } from '../../../lib/errors'

/**
 * The 提取信息 a person types for each withdrawal kind (manual 5.2.1.3–5.2.1.5), as text while
 * typing, and its conversion to the contract's application data. Errors are keyed by the
 * contract's field paths, so the server's 422 issues land under the same fields.
 */
export type ClosingKind = (typeof CLOSING_WITHDRAWAL_KINDS)[number]
export type WithdrawalData = Extract<ApplicationData, { kind: WithdrawalKind }>

export const isClosing = (kind: WithdrawalKind): kind is ClosingKind =>
  (CLOSING_WITHDRAWAL_KINDS as readonly string[]).includes(kind)

export interface ApplyForm {
  rentAddress: string
  monthlyRent: string
  months: string
  propertyAddress: string
  loanSource: 'ownCenter' | 'commercial'
  lenderName: string
  contractNo: string
  amount: string
  bankCardId: string
}

export const emptyForm: ApplyForm = {
  rentAddress: '',
  monthlyRent: '',
  months: '',
  propertyAddress: '',
  loanSource: 'ownCenter',
  lenderName: '',
  contractNo: '',
  amount: '',
  bankCardId: '',
}

/** a saved application back into the form (修改重新上传) */
export function formFrom(data: ApplicationData, bankCardId: string | undefined): ApplyForm {
  const form: ApplyForm = { ...emptyForm, bankCardId: bankCardId ?? ('bankCardId' in data ? data.bankCardId : '') }
  if (data.kind === 'rent') {
    return {
      ...form,
      rentAddress: data.rentAddress,
      monthlyRent: fenToYuanString(data.monthlyRentFen),
      months: String(data.months),
      amount: fenToYuanString(data.amountFen),
    }
  }
  if (data.kind === 'propertyFee') {
    return {
      ...form,
      propertyAddress: data.propertyAddress,
      months: String(data.months),
      amount: fenToYuanString(data.amountFen),
    }
  }
  if (data.kind === 'loanRepayment') {
    return {
      ...form,
      loanSource: data.loan.source,
      lenderName: data.loan.source === 'commercial' ? data.loan.lenderName : '',
      contractNo: data.loan.source === 'commercial' ? data.loan.contractNo : '',
      amount: fenToYuanString(data.amountFen),
    }
  }
  return form
}

/** the contract path each form entry is checked as (errors are keyed by these) */
export const FIELD_PATH: Record<keyof ApplyForm, string> = {
  rentAddress: 'rentAddress',
  monthlyRent: 'monthlyRentFen',
  months: 'months',
  propertyAddress: 'propertyAddress',
  loanSource: 'loan.source',
  lenderName: 'loan.lenderName',
  contractNo: 'loan.contractNo',
  amount: 'amountFen',
  bankCardId: 'bankCardId',
}

/** the fields of the first step (提取信息) of each kind; closing kinds have no first step */
export const STEP_ONE_FIELDS: Record<WithdrawalKind, readonly string[]> = {
  retirement: [],
  termination: [],
  rent: ['rentAddress', 'monthlyRentFen', 'months'],
  propertyFee: ['propertyAddress', 'months'],
  loanRepayment: ['loan.source', 'loan.lenderName', 'loan.contractNo'],
}

/** every field a page shows, for mapping server issues */
export const ALL_FIELDS = Object.values(FIELD_PATH)

const required = (value: string, message: string) => (value.trim() ? undefined : message)

function checkMonths(text: string): string | undefined {
  const t = text.trim()
  if (!t) return '请输入月数'
  if (!/^\d+$/.test(t)) return '月数应为整数'
  const n = Number(t)
  if (n < 1) return '月数至少为1个月'
  if (n > 120) return '月数不能超过120个月'
  return undefined
}

function compact(errors: Record<string, string | undefined>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1])))
}

/** fen of an amount already checked */
function yuanToFen(text: string): number {
  const checked = checkYuanText(text)
  return checked.ok ? checked.value : 0
}

/** the first step's errors (empty: 【下一步】 may go on); the center's month limits when known */
export function checkStepOne(kind: WithdrawalKind, form: ApplyForm, limits?: PartialLimits): FieldErrors {
  if (kind === 'rent') {
    const rent = checkYuanText(form.monthlyRent)
    return compact({
      rentAddress: required(form.rentAddress, '请输入租房地址'),
      monthlyRentFen: rent.ok ? undefined : rent.message.replace('金额', '月租金'),
      months: checkMonths(form.months) ?? ownLimit(kind, form, limits)?.monthsError ?? undefined,
    })
  }
  if (kind === 'propertyFee') {
    return compact({
      propertyAddress: required(form.propertyAddress, '请输入房屋地址'),
      months: checkMonths(form.months) ?? ownLimit(kind, form, limits)?.monthsError ?? undefined,
    })
  }
  if (kind === 'loanRepayment' && form.loanSource === 'commercial') {
    return compact({
      'loan.lenderName': required(form.lenderName, '请输入贷款银行'),
      'loan.contractNo': required(form.contractNo, '请输入借款合同编号'),
    })
  }
  return {}
}

/** the limit the 提取信息 itself sets (房租: 月租金 × 月数 within the monthly cap), once it is valid */
function ownLimit(kind: WithdrawalKind, form: ApplyForm, limits?: PartialLimits) {
  if (!limits || checkMonths(form.months)) return null
  const months = Number(form.months.trim())
  if (kind === 'propertyFee') return informationLimit({ kind, months }, limits)
  const rent = checkYuanText(form.monthlyRent)
  if (kind === 'rent' && rent.ok) return informationLimit({ kind, monthlyRentFen: rent.value, months }, limits)
  return null
}

export interface AmountLimits {
  /** the kind's 可提取金额上限 (balance, loan owed, counter) */
  maxAmountFen: number
  limits: PartialLimits
}

/** the most this form may ask for, for the hint under 提取金额 */
export function amountCapFen(kind: WithdrawalKind, form: ApplyForm, bounds: AmountLimits): number {
  const own = ownLimit(kind, form, bounds.limits)
  return Math.min(bounds.maxAmountFen, own?.capFen ?? Number.MAX_SAFE_INTEGER)
}

/** the amount's error, in the words of the rule it breaks (the server's, checked again there) */
function checkAmount(kind: WithdrawalKind, form: ApplyForm, bounds?: AmountLimits): string | number {
  const amount = checkYuanText(form.amount)
  if (!amount.ok) return amount.message
  if (!bounds) return amount.value
  const own = ownLimit(kind, form, bounds.limits)
  if (own && amount.value > own.capFen) return own.capMessage
  if (amount.value >= bounds.limits.counterThresholdFen) return counterMessage(bounds.limits)
  const max = checkYuanText(form.amount, { maxFen: bounds.maxAmountFen, maxLabel: '可提取金额上限' })
  return max.ok ? max.value : max.message
}

/**
 * The whole form as application data, or the errors under its fields. `bounds` are the kind's
 * 可提取金额上限 and the center's limits when known (not while editing: the server checks them
 * again anyway).
 */
export function toData(
  kind: WithdrawalKind,
  form: ApplyForm,
  bounds?: AmountLimits,
): { ok: true; data: WithdrawalData } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = { ...checkStepOne(kind, form, bounds?.limits) }
  if (!form.bankCardId) errors.bankCardId = '请选择收款银行账号'
  let amountFen = 0
  if (!isClosing(kind)) {
    const amount = checkAmount(kind, form, bounds)
    if (typeof amount === 'number') amountFen = amount
    else errors.amountFen = amount
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, data: formData(kind, form, amountFen) }
}

/** the first step's entries as label / value rows, shown above the amount once they are checked */
export function stepOneRows(kind: WithdrawalKind, form: ApplyForm): Row[] {
  return dataRows(formData(kind, form, 0))
}

/** the form as application data; its entries have been checked */
function formData(kind: WithdrawalKind, form: ApplyForm, amountFen: number): WithdrawalData {
  const bankCardId = form.bankCardId
  switch (kind) {
    case 'retirement':
    case 'termination':
      return { kind, bankCardId }
    case 'rent':
      return {
        kind,
        rentAddress: form.rentAddress.trim(),
        monthlyRentFen: yuanToFen(form.monthlyRent),
        months: Number(form.months.trim()),
        amountFen,
        bankCardId,
      }
    case 'propertyFee':
      return {
        kind,
        propertyAddress: form.propertyAddress.trim(),
        months: Number(form.months.trim()),
        amountFen,
        bankCardId,
      }
    case 'loanRepayment':
      return {
        kind,
        loan:
          form.loanSource === 'commercial'
            ? { source: 'commercial', lenderName: form.lenderName.trim(), contractNo: form.contractNo.trim() }
            : { source: 'ownCenter' },
        amountFen,
        bankCardId,
      }
  }
}
