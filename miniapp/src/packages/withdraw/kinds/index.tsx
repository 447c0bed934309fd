import type { WithdrawalKindInfo } from '@gjj/shared/api/withdrawal'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../api'
import { Loaded } from '../../../components/Loaded'
import { Tag } from '../../../components/Tag'
import { amount, yuan } from '../../../lib/format'
import { useRefresh } from '../../../lib/use-refresh'
import { useRequest } from '../../../lib/use-request'
import { openDetail, withdrawUrl } from '../components/routes'
import '../components/withdraw.css'
import './index.css'

function KindRow({ kind }: { kind: WithdrawalKindInfo }) {
  const inProgress = kind.inProgressApplicationId
  const open = () => {
    if (inProgress) openDetail(inProgress)
    else if (kind.eligible) Taro.navigateTo({ url: withdrawUrl.apply(kind.kind) })
    else Taro.showToast({ title: kind.ineligibleReason ?? '您暂不符合办理条件', icon: 'none', duration: 2500 })
  }
  return (
    <View className={`kind kind--${kind.kind}${kind.eligible || inProgress ? '' : ' kind--off'}`} onClick={open}>
      <View className="kind__text">
        <Text className="kind__name">
          {kind.name}
          {inProgress && <Tag tone="blue">办理中</Tag>}
        </Text>
        {inProgress ? (
          <Text className="kind__sub">您有正在办理的申请，点击查看办理进度</Text>
        ) : kind.eligible ? (
          <>
            <Text className="kind__sub">
              可提取金额上限 <Text className="kind__limit">{yuan(kind.maxAmountFen)}</Text>
            </Text>
            {kind.hint && <Text className="kind__sub kind__hint">{kind.hint}</Text>}
          </>
        ) : (
          <Text className="kind__sub kind__reason">{kind.ineligibleReason}</Text>
        )}
      </View>
      {(kind.eligible || inProgress) && <Text className="kind__arrow">›</Text>}
    </View>
  )
}

/** manual 5.2.1: 我要提取 — the withdrawals the center opens, whether each can be applied for, and its limit */
export default function KindsPage() {
  const kinds = useRequest(() => api.listWithdrawalKinds())
  useRefresh(kinds.reload, { onReturn: true })
  return (
    <View className="page kinds">
      <Loaded state={kinds}>
        {(k) => (
          <>
            <View className="wd-banner">
              <Text className="wd-banner__label">个人账户余额（元）</Text>
              <Text className="wd-banner__value">{amount(k.balanceFen)}</Text>
              <Text className="wd-banner__meta">账户状态：{k.accountStatus.label}</Text>
            </View>
            <View className="section-title">中心开放的提取业务</View>
            {k.kinds.length === 0 && <View className="empty">本中心暂未开放网上提取业务，请到中心柜台办理</View>}
            {k.kinds.map((kind) => (
              <KindRow key={kind.kind} kind={kind} />
            ))}
            <Text className="wd-link kinds__mine" onClick={() => Taro.navigateTo({ url: withdrawUrl.mine('mine') })}>
              查看我的业务 ›
            </Text>
          </>
        )}
      </Loaded>
    </View>
  )
}
