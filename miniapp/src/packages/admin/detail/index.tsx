import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { Loaded } from '../../../components/Loaded'
import { Timeline } from '../../../components/Timeline'
import { useRefresh } from '../../../lib/use-refresh'
import { useRequest } from '../../../lib/use-request'
import { AdminPage } from '../components/AdminPage'
import { adminUrl, backToQueue, openNextWaiting } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { staffApi } from '../components/staff-api'
import { ApplicationInfo } from './ApplicationInfo'
import { ArchiveList } from './ArchiveList'
import { ArchiveViewer } from './ArchiveViewer'
import { DepositorInfo } from './DepositorInfo'
import { ReviewBar } from './ReviewBar'
import './index.css'

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
  const detail = useRequest(() => staffApi.getReviewDetail({ id }), id)
  useRefresh(detail.reload)
  // N: the next application waiting (the viewer takes the file keys)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (target && /^(INPUT|TEXTAREA)$/.test(target.tagName)) return
      if (e.key === 'n' && !document.querySelector('.review-dialog .nut-dialog')) void openNextWaiting(id)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [id])
  return (
    <>
      <Text className="detail-back" onClick={backToQueue}>
        ‹ 审批列表
      </Text>
      <Text className="muted review-keys">
        键盘：← → 上一个/下一个文件，+ - 缩放，R 旋转，N 下一件申请，A 审批通过，B 退回
      </Text>
      <Loaded state={detail} rows={8}>
        {(d) => (
          <View className="review__desk">
            <View className="review__facts">
              <ApplicationInfo detail={d} />
              <View className="section-title">缴存人信息</View>
              <DepositorInfo depositor={d.depositor} />
              <View className="section-title">档案材料</View>
              <ArchiveList archive={d.archive} />
              <View className="section-title">流程信息</View>
              <Timeline events={d.timeline} />
              <ReviewBar detail={d} onChanged={detail.reload} onDecided={() => openNextWaiting(id)} />
            </View>
            <View className="review__viewer">
              <ArchiveViewer archive={d.archive} />
            </View>
          </View>
        )}
      </Loaded>
    </>
  )
}
