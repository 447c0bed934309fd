import { Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { api } from '../../../api'
import { LoadError } from '../../../components/LoadError'
import { useRequest } from '../../../lib/use-request'
import { AdminPage } from '../components/AdminPage'
import { ApplicationInfo } from '../components/ApplicationInfo'
import { ArchiveList } from '../components/ArchiveList'
import { DepositorInfo } from '../components/DepositorInfo'
import { ReviewBar } from '../components/ReviewBar'
import { adminUrl, backToQueue } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { Timeline } from '../components/Timeline'

/** 审批详情 (?id=): the application, the depositor, the archive and the timeline; 审批通过 / 退回 */
export default function ReviewDetailPage() {
  const id = useRouter().params.id ?? ''
  const signedIn = useStaffGuard(adminUrl.detail(id))
  return (
    <AdminPage className="review">
      {signedIn && (id ? <Review id={id} /> : <View className="empty">未指定申请，请从审批列表进入</View>)}
    </AdminPage>
  )
}

function Review({ id }: { id: string }) {
  const detail = useRequest(() => api.getReviewDetail({ id }), id)
  usePullDownRefresh(async () => {
    await detail.reload()
    Taro.stopPullDownRefresh()
  })

  const d = detail.data
  if (!d) {
    if (detail.error) return <LoadError message={detail.error.message} onRetry={detail.reload} />
    return (
      <View className="admin-card">
        <Skeleton rows={8} animated />
      </View>
    )
  }
  return (
    <>
      <Text className="detail-back" onClick={backToQueue}>
        ‹ 审批列表
      </Text>
      {detail.error && <Text className="field-error detail-error">刷新失败：{detail.error.message}</Text>}
      <ApplicationInfo detail={d} />
      <View className="section-title">缴存人信息</View>
      <DepositorInfo depositor={d.depositor} />
      <View className="section-title">档案材料</View>
      <ArchiveList archive={d.archive} />
      <View className="section-title">流程信息</View>
      <Timeline events={d.timeline} />
      <ReviewBar detail={d} onChanged={detail.reload} />
    </>
  )
}
