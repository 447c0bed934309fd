import type { Loan } from '@gjj/shared/api/loan'
import { Cell } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../api'
import { Loaded } from '../../../components/Loaded'
import { Rows } from '../../../components/Rows'
import { Tag } from '../../../components/Tag'
import { amount, rate, yuan } from '../../../lib/format'
import { useRefresh } from '../../../lib/use-refresh'
import { useRequest } from '../../../lib/use-request'
import '../fund/index.css'

const STATUS = { normal: '正常', overdue: '逾期', settled: '已结清' } as const

/** manual 4.2 (3): 我的贷款 — the loan account, and the way to its repayments, plan and overdue periods */
export default function LoanPage() {
  const loan = useRequest(() => api.getLoan().then((r) => r.loan))
  useRefresh(loan.reload)
  return (
    <View className="page loan">
      <Loaded state={loan} rows={3}>
        {(l) => (l ? <LoanAccount l={l} /> : <View className="empty">您暂无公积金贷款</View>)}
      </Loaded>
    </View>
  )
}

function LoanAccount({ l }: { l: Loan }) {
  const go = (page: string) => Taro.navigateTo({ url: `/packages/account/${page}/index` })
  return (
    <>
      <View className="fund__card">
        <Text className="fund__label">剩余本金（元）</Text>
        <Text className="fund__balance">{amount(l.remainingPrincipalFen)}</Text>
        <View className="fund__meta">
          <Text>贷款状态：{STATUS[l.status]}</Text>
          <Text>下次还款：{l.nextDueDate ?? '—'}</Text>
        </View>
      </View>
      <Rows
        rows={[
          ['贷款账号', l.loanNo],
          ['合同编号', l.contractNo],
          ['贷款金额', yuan(l.principalFen)],
          ['贷款利率', rate(l.annualRatePpm)],
          ['贷款期限', `${l.months} 个月（已还 ${l.paidMonths} 期，剩余 ${l.remainingMonths} 期）`],
          ['还款方式', l.repaymentMethod.label],
          ['放款日期', l.disbursedOn],
          ['到期日期', l.endDate],
          ['月还款额', yuan(l.nextPaymentFen)],
          ['逾期金额', l.overdueFen ? `${yuan(l.overdueFen)}（${l.overduePeriods} 期）` : '无'],
          ['还款银行', `${l.bankName} ${l.bankCardMasked}`],
          ['是否按月委托提取', l.monthlyDeductionSigned ? '是' : '否'],
        ]}
      />
      <View className="loan__links">
        <Cell className="loan__link-repayments" title="贷款还款明细" clickable onClick={() => go('repayments')} />
        <Cell className="loan__link-plan" title="还款计划" clickable onClick={() => go('plan')} />
        <Cell
          className="loan__link-overdue"
          title="逾期还款明细"
          extra={l.overduePeriods ? <Tag tone="red">{l.overduePeriods} 期逾期</Tag> : undefined}
          clickable
          onClick={() => go('overdue')}
        />
      </View>
    </>
  )
}
