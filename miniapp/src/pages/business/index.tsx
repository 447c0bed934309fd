import type { LoanBusinessKind } from '@gjj/shared/catalog'
import { View } from '@tarojs/components'
import { api } from '../../api'
import { MenuGrid } from '../../components/MenuGrid'
import { PrivacyConsent } from '../../components/PrivacyConsent'
import { currentMe } from '../../lib/auth'
import { useRefresh } from '../../lib/use-refresh'
import { useRequest } from '../../lib/use-request'

const LOAN_PAGE: Record<LoanBusinessKind, string> = {
  prepayPart: '/packages/withdraw/prepay/index',
  monthlyDeduction: '/packages/withdraw/deduction/index',
  settle: '/packages/withdraw/settle/index',
}

/**
 * 贷款业务's entries for a signed-in depositor: each one greyed with the reason when it cannot be
 * used now (no loan, overdue, 本月已办理, a business of the loan in progress, …), from ONE request;
 * one in progress opens its 流程信息查询. Signed out, the entries lead to login first.
 */
function useLoanEntries() {
  const signedIn = Boolean(currentMe())
  const listed = useRequest(() => (currentMe() ? api.listLoanBusinesses() : Promise.resolve(null)))
  useRefresh(listed.reload, { onReturn: true })
  const entry = (kind: LoanBusinessKind, title: string, icon: string) => {
    const info = signedIn ? listed.data?.kinds.find((k) => k.kind === kind) : undefined
    const url = info?.inProgressApplicationId
      ? `/packages/withdraw/detail/index?id=${encodeURIComponent(info.inProgressApplicationId)}`
      : LOAN_PAGE[kind]
    const reason =
      listed.data && signedIn
        ? info
          ? info.eligible || info.inProgressApplicationId
            ? null
            : info.ineligibleReason
          : '本中心暂未开放此项业务'
        : null
    return { title, icon, url, signedIn: true, reason }
  }
  return [
    entry('prepayPart', '提前还本', '还'),
    entry('monthlyDeduction', '按月抵扣签约', '签'),
    entry('settle', '提前结清', '清'),
  ]
}

/** manual chapter 5: 便民工具, 提取业务, 贷款业务 */
export default function BusinessPage() {
  const loanEntries = useLoanEntries()
  return (
    <View className="page">
      <PrivacyConsent />
      <MenuGrid
        title="便民工具"
        entries={[
          { title: '服务网点查询', icon: '点', url: '/packages/info/outlets/index' },
          { title: '房贷计算器', icon: '算', url: '/packages/tools/calculator/index', withoutConsent: true },
          { title: '修改手机号码', icon: '机', url: '/packages/me/phone/index', signedIn: true },
        ]}
      />
      <MenuGrid
        title="提取业务"
        entries={[
          { title: '我要提取', icon: '取', url: '/packages/withdraw/kinds/index', signedIn: true },
          { title: '我的业务', icon: '办', url: '/packages/withdraw/mine/index', signedIn: true },
        ]}
      />
      <MenuGrid title="贷款业务" entries={loanEntries} />
    </View>
  )
}
