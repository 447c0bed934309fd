import type { SettleQuote } from '@gjj/shared/api/loan-business'
import { settleAmountsIssues } from '@gjj/shared/loan-business'
import { fenToYuanString } from '@gjj/shared/money'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../../api'
import { FormField } from '../../../components/FormField'
import { Rows } from '../../../components/Rows'
import { errorText } from '../../../lib/errors'
import { yuan } from '../../../lib/format'
import { useBusy } from '../../../lib/use-busy'
import { NoticeLink, useNotice } from '../components/Notice'
import { ReturnReason } from '../components/ReturnReason'
import { fundFen } from '../loan/amount-input'
import { LoanBusinessPage, type Ready } from '../loan/LoanBusinessPage'
import { LoanFacts, StepTitle } from '../loan/LoanFacts'
import { saveAndUpload } from '../loan/loan-context'
import '../components/withdraw.css'
import '../loan/loan.css'

/**
 * manual 6.3.3 提前结清: the loan's facts and the amount due today (剩余本金 + 上一还款日以来的利息
 * + 逾期本息及罚息) → 【我要提前还款】 → 支取公积金还款金额 (≤ the balance, ≤ the amount due; the rest
 * from own funds) → 【下一步】 信息核对 → 【档案上传】.
 */
export default function SettlePage() {
  return (
    <LoanBusinessPage kind="settle" className="settle" quote={() => api.getSettleQuote()}>
      {(ctx, quote) => <Settle ctx={ctx} quote={quote} />}
    </LoanBusinessPage>
  )
}

function Settle({ ctx, quote }: { ctx: Ready; quote: SettleQuote }) {
  const editing = ctx.app?.data.kind === 'settle' ? ctx.app.data : null
  const [step, setStep] = useState<'facts' | 'amount' | 'check'>(editing ? 'amount' : 'facts')
  const [fundText, setFundText] = useState(editing ? fenToYuanString(editing.fundAmountFen) : '')
  const [submitError, setSubmitError] = useState<string>()
  const { busy, run } = useBusy()
  const notice = useNotice('settle')

  const fund = fundFen(fundText)
  const checked = fund.ok
    ? settleAmountsIssues({ fundAmountFen: fund.value }, { dueFen: quote.totalFen, balanceFen: quote.balanceFen })
    : null
  const fundError = fund.ok ? checked?.fundAmountFen : fund.message
  const fundValue = fund.ok ? fund.value : 0
  const due: [string, string][] = [
    ['剩余本金', yuan(quote.principalFen)],
    [`利息（${quote.lastDueDate} 起 ${quote.days} 天）`, yuan(quote.interestFen)],
    ...(quote.overdueFen ? ([['逾期利息及罚息', yuan(quote.overdueFen)]] as [string, string][]) : []),
    ['应还总额', yuan(quote.totalFen)],
  ]

  if (step === 'facts') {
    return (
      <>
        <LoanFacts loan={ctx.loan} />
        <StepTitle>今日提前结清应还</StepTitle>
        <Rows rows={due} />
        <NoticeLink notice={ctx.info.notice} state={notice} />
        <View className="wd-actions">
          <Button block type="primary" className="settle__start" onClick={() => setStep('amount')}>
            我要提前还款
          </Button>
        </View>
      </>
    )
  }
  if (step === 'amount') {
    return (
      <>
        {ctx.app?.status === 'returned' && <ReturnReason reason={ctx.app.returnReason} />}
        <StepTitle>应还总额 {yuan(quote.totalFen)}</StepTitle>
        <View className="loan-form">
          <FormField
            label="支取公积金还款金额"
            error={fundError}
            hint={`最多 ${yuan(quote.maxFundAmountFen)}（账户余额 ${yuan(quote.balanceFen)}）`}
          >
            <Input
              className="settle__fund"
              type="digit"
              placeholder="请输入支取公积金还款金额（元）"
              value={fundText}
              onChange={setFundText}
            />
          </FormField>
        </View>
        <Text className="loan-note settle__own">
          自有资金还款 {yuan(Math.max(0, quote.totalFen - fundValue))}（应还总额减去支取公积金还款金额）
        </Text>
        <View className="wd-actions">
          <Button
            block
            type="primary"
            className="settle__next"
            disabled={!fund.ok || !!fundError}
            onClick={() => setStep('check')}
          >
            下一步
          </Button>
        </View>
      </>
    )
  }
  const upload = () =>
    run(
      async () => {
        setSubmitError(undefined)
        await saveAndUpload(ctx.app, { kind: 'settle', fundAmountFen: fundValue })
      },
      (e) => setSubmitError(errorText(e)),
    )
  return (
    <>
      <StepTitle>提前结清信息核对</StepTitle>
      <Rows
        rows={[
          ['贷款账号', ctx.loan.loanNo],
          ...due,
          ['支取公积金还款金额', yuan(fundValue)],
          ['自有资金还款', yuan(quote.totalFen - fundValue)],
        ]}
      />
      <Text className="loan-note">应还总额按审批当日重新计算（利息按实际天数计）。</Text>
      {submitError && <Text className="wd-form-error">{submitError}</Text>}
      <View className="wd-actions">
        <Button block type="primary" className="settle__upload" loading={busy} onClick={upload}>
          档案上传
        </Button>
        <Button block type="primary" fill="outline" onClick={() => setStep('amount')}>
          返回修改
        </Button>
      </View>
    </>
  )
}
