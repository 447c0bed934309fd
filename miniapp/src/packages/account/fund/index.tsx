import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../api'
import { ExpandRow } from '../../../components/ExpandRow'
import { Loaded } from '../../../components/Loaded'
import { PagedList } from '../../../components/PagedList'
import { Rows } from '../../../components/Rows'
import { amount, signedYuan, yuan } from '../../../lib/format'
import { useRefresh } from '../../../lib/use-refresh'
import { usePaged, useRequest } from '../../../lib/use-request'
import './index.css'

/** manual 4.2 (2): 公积金账户查询 — the account and its deposit history */
export default function FundAccountPage() {
  const account = useRequest(() => api.getAccount({ limit: 1 }).then((r) => r.account))
  const history = usePaged((cursor) => api.listDepositHistory({ limit: 20, ...(cursor ? { cursor } : {}) }))

  useRefresh(() => Promise.all([account.reload(), history.reload()]))

  return (
    <View className="page fund">
      <Loaded state={account} rows={3}>
        {(a) => (
          <>
            <View className="fund__card">
              <Text className="fund__label">账户余额（元）</Text>
              <Text className="fund__balance">{amount(a.balanceFen)}</Text>
              <View className="fund__meta">
                <Text>账户状态：{a.status.label}</Text>
                <Text>缴至：{a.paidUpTo ?? '—'}</Text>
              </View>
            </View>
            <View className="fund__annual" onClick={() => Taro.navigateTo({ url: '/packages/docs/annual/index' })}>
              <Text>年度账单</Text>
              <Text className="fund__annual-go">查看每年缴存、结息和余额 ›</Text>
            </View>
            <Rows
              rows={[
                ['个人账号', a.accountNo],
                ['单位名称', a.employerName],
                ['开户日期', a.openedOn],
                ['缴存基数', yuan(a.depositBaseFen)],
                ['月缴存额', yuan(a.monthlyDepositFen)],
                ['其中 个人 / 单位', `${yuan(a.personalMonthlyFen)} / ${yuan(a.employerMonthlyFen)}`],
                ...(a.sealedOn ? [['封存日期', a.sealedOn] as [string, string]] : []),
              ]}
            />
          </>
        )}
      </Loaded>
      <View className="section-title">缴存明细</View>
      <PagedList list={history} rows={4}>
        {(e) => (
          <ExpandRow
            key={e.id}
            // 结息 entries (code 09) are both the yearly one and the one booked when an account closes:
            // their summary (“2024-2025年度结息”, “销户结息”) says which
            title={e.type.code === '09' && e.summary ? e.summary : e.type.label}
            subtitle={e.date}
            amount={signedYuan(e.amountFen)}
            details={[
              ['业务日期', e.date],
              ['业务类型', e.type.label],
              ...(e.month ? [['缴存年月', e.month] as [string, string]] : []),
              ['发生额', yuan(e.amountFen)],
              ['余额', yuan(e.balanceFen)],
              ...(e.summary ? [['摘要', e.summary] as [string, string]] : []),
            ]}
          />
        )}
      </PagedList>
    </View>
  )
}
