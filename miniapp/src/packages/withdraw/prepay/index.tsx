import type { PrepayQuote } from '@gjj/shared/api/loan-business'
import { type LoanPosition, type PrepayChoice, type PrepayOption, prepayQuote } from '@gjj/shared/loan/prepay'
import { prepayAmountsIssues } from '@gjj/shared/loan-business'
import { fenToYuanString } from '@gjj/shared/money'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { api } from '../../../api'
import { FormField } from '../../../components/FormField'
import { Rows } from '../../../components/Rows'
import { errorText } from '../../../lib/errors'
import { yuan } from '../../../lib/format'
import { useBusy } from '../../../lib/use-busy'
import { NoticeLink, useNotice } from '../components/Notice'
import { ReturnReason } from '../components/ReturnReason'
import { amountFen, fundFen } from '../loan/amount-input'
import { LoanBusinessPage, type Ready } from '../loan/LoanBusinessPage'
import { LoanFacts, StepTitle } from '../loan/LoanFacts'
import { saveAndUpload } from '../loan/loan-context'
import '../components/withdraw.css'
import '../loan/loan.css'

/**
 * manual 6.3.1 提前还本: the loan's facts → 【我要提前还款】 → 提前还款金额, split as the person types
 * into 提前归还利息 and 提前归还本金, both plans side by side (缩短期限 / 减少月供) to choose from,
 * and the funding (支取公积金 up to the balance, the rest from own funds) → 【下一步】 信息核对 →
 * 【档案上传】. The figures are shared's maths on the loan's position as the server gives it, so
 * they are the server's to the fen. With `id` it changes a returned application (修改重新上传).
 */
export default function PrepayPage() {
  return (
    <LoanBusinessPage kind="prepayPart" className="prepay" quote={() => api.getPrepayQuote({})}>
      {(ctx, quote) => <Prepay ctx={ctx} quote={quote} />}
    </LoanBusinessPage>
  )
}

const CHOICE_NAMES: Record<PrepayChoice, string> = { keepPayment: '缩短期限', keepTerm: '减少月供' }

function positionOf(q: PrepayQuote): LoanPosition {
  return {
    method: q.method,
    annualRatePpm: q.annualRatePpm,
    remainingPrincipalFen: q.remainingPrincipalFen,
    remainingMonths: q.remainingMonths,
    lastDueDate: q.lastDueDate,
    dueDay: q.dueDay,
  }
}

function Prepay({ ctx, quote }: { ctx: Ready; quote: PrepayQuote }) {
  const editing = ctx.app?.data.kind === 'prepayPart' ? ctx.app.data : null
  const [step, setStep] = useState<'facts' | 'amount' | 'check'>(editing ? 'amount' : 'facts')
  const [amountText, setAmountText] = useState(editing ? fenToYuanString(editing.amountFen) : '')
  const [fundText, setFundText] = useState<string | null>(editing ? fenToYuanString(editing.fundAmountFen) : null)
  const [choice, setChoice] = useState<PrepayChoice>(editing?.choice ?? 'keepPayment')
  const [submitError, setSubmitError] = useState<string>()
  const { busy, run } = useBusy()
  const notice = useNotice('prepayPart')
  const position = useMemo(() => positionOf(quote), [quote])

  // as the person types: the amount, the fund part (by default as much as the balance covers), the quote
  const amount = amountFen(amountText)
  const defaultFund = amount.ok ? Math.min(amount.value, quote.balanceFen) : 0
  const fund = fundText === null ? ({ ok: true, value: defaultFund } as const) : fundFen(fundText)
  const checked =
    amount.ok && fund.ok
      ? prepayAmountsIssues(
          { amountFen: amount.value, fundAmountFen: fund.value },
          { position, balanceFen: quote.balanceFen, date: quote.date },
        )
      : null
  const issue = (field: 'amountFen' | 'fundAmountFen') => checked?.[field]
  const amountError = amountText.trim() === '' ? undefined : amount.ok ? issue('amountFen') : amount.message
  const fundError = fund.ok ? issue('fundAmountFen') : fund.message
  const result = amount.ok && !amountError ? prepayQuote(position, amount.value, quote.date) : null
  const q = result?.ok ? result.value : null
  const ready = q !== null && fund.ok && !fundError
  const fundValue = fund.ok ? fund.value : 0

  if (step === 'facts') {
    return (
      <>
        <LoanFacts loan={ctx.loan} />
        <Text className="loan-note">
          提前还款金额不少于一期月供（{yuan(quote.minAmountFen)}），且须小于剩余本金；可用公积金账户余额{' '}
          {yuan(quote.balanceFen)} 支付其中的部分或全部。
        </Text>
        <NoticeLink notice={ctx.info.notice} state={notice} />
        <View className="wd-actions">
          <Button block type="primary" className="prepay__start" onClick={() => setStep('amount')}>
            我要提前还款
          </Button>
        </View>
      </>
    )
  }

  const plans = q ? [q.keepPayment, q.keepTerm] : []
  if (step === 'amount') {
    return (
      <>
        {ctx.app?.status === 'returned' && <ReturnReason reason={ctx.app.returnReason} />}
        <StepTitle>提前还款金额</StepTitle>
        <View className="loan-form">
          <FormField label="提前还款金额" error={amountError} hint={`${yuan(quote.minAmountFen)} 起，小于剩余本金`}>
            <Input
              className="prepay__amount"
              type="digit"
              placeholder="请输入提前还款金额（元）"
              value={amountText}
              onChange={setAmountText}
            />
          </FormField>
          <FormField
            label="支取公积金"
            error={fundError}
            hint={`账户余额 ${yuan(quote.balanceFen)}，其余由自有资金支付`}
          >
            <Input
              className="prepay__fund"
              type="digit"
              placeholder="0.00"
              value={fundText ?? (amount.ok ? fenToYuanString(defaultFund) : '')}
              onChange={setFundText}
            />
          </FormField>
        </View>
        {q && (
          <>
            <View className="loan-split">
              <View className="loan-split__item">
                <Text className="loan-split__label">提前归还利息（{q.split.days}天）</Text>
                <Text className="loan-split__value prepay__interest">{yuan(q.split.interestFen)}</Text>
              </View>
              <View className="loan-split__item">
                <Text className="loan-split__label">提前归还本金</Text>
                <Text className="loan-split__value prepay__principal">{yuan(q.split.principalFen)}</Text>
              </View>
            </View>
            <StepTitle>还款后的还款计划（请选择）</StepTitle>
            <View className="loan-plans">
              {plans.map((p) => (
                <PlanCard
                  key={p.choice}
                  plan={p}
                  current={q.current}
                  chosen={p.choice === choice}
                  onChoose={setChoice}
                />
              ))}
            </View>
            <Text className="loan-note">
              还款后剩余本金 {yuan(q.split.newPrincipalFen)}；支取公积金 {yuan(fundValue)}，自有资金{' '}
              {yuan(Math.max(0, q.split.amountFen - fundValue))}。
            </Text>
          </>
        )}
        <View className="wd-actions">
          <Button block type="primary" className="prepay__next" disabled={!ready} onClick={() => setStep('check')}>
            下一步
          </Button>
        </View>
      </>
    )
  }

  const plan = q ? q[choice] : null
  const upload = () =>
    run(
      async () => {
        if (!amount.ok || !fund.ok) return
        setSubmitError(undefined)
        await saveAndUpload(ctx.app, {
          kind: 'prepayPart',
          amountFen: amount.value,
          fundAmountFen: fund.value,
          choice,
        })
      },
      (e) => setSubmitError(errorText(e)),
    )
  return (
    <>
      <StepTitle>提前还本信息核对</StepTitle>
      {q && plan && (
        <Rows
          rows={[
            ['贷款账号', ctx.loan.loanNo],
            ['提前还款金额', yuan(q.split.amountFen)],
            ['提前归还利息', yuan(q.split.interestFen)],
            ['提前归还本金', yuan(q.split.principalFen)],
            ['还款后剩余本金', yuan(q.split.newPrincipalFen)],
            ['还款方式', CHOICE_NAMES[choice]],
            ['新月供', yuan(plan.paymentFen)],
            ['剩余期数', `${plan.months} 期`],
            ['到期日期', plan.endDate],
            ['节省利息', yuan(plan.interestSavedFen)],
            ['支取公积金', yuan(fundValue)],
            ['自有资金', yuan(q.split.amountFen - fundValue)],
          ]}
        />
      )}
      {submitError && <Text className="wd-form-error">{submitError}</Text>}
      <View className="wd-actions">
        <Button block type="primary" className="prepay__upload" loading={busy} onClick={upload}>
          档案上传
        </Button>
        <Button block type="primary" fill="outline" onClick={() => setStep('amount')}>
          返回修改
        </Button>
      </View>
    </>
  )
}

function PlanCard({
  plan,
  current,
  chosen,
  onChoose,
}: {
  plan: PrepayOption
  current: { paymentFen: number; months: number }
  chosen: boolean
  onChoose: (choice: PrepayChoice) => void
}) {
  const keepPayment = plan.choice === 'keepPayment'
  return (
    <View
      className={`loan-plan loan-plan--${plan.choice}${chosen ? ' loan-plan--chosen' : ''}`}
      onClick={() => onChoose(plan.choice)}
    >
      <Text className="loan-plan__name">
        {CHOICE_NAMES[plan.choice]}
        {chosen ? ' ✓' : ''}
      </Text>
      <Text className="loan-plan__tag">{keepPayment ? '月供不变，期限缩短' : '期限不变，月供减少'}</Text>
      <View className="loan-plan__row">
        <Text className="loan-plan__row-label">月供</Text>
        <Text className="loan-plan__payment">{yuan(plan.paymentFen)}</Text>
      </View>
      <View className="loan-plan__row">
        <Text className="loan-plan__row-label">期数</Text>
        <Text className="loan-plan__months">
          {plan.months}期{keepPayment && plan.months < current.months ? `（少${current.months - plan.months}期）` : ''}
        </Text>
      </View>
      <View className="loan-plan__row">
        <Text className="loan-plan__row-label">到期日</Text>
        <Text className="loan-plan__end">{plan.endDate}</Text>
      </View>
      <View className="loan-plan__row">
        <Text className="loan-plan__row-label">节省利息</Text>
        <Text className="loan-plan__saved">{yuan(plan.interestSavedFen)}</Text>
      </View>
    </View>
  )
}
