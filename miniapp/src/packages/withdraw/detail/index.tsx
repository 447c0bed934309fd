import type { ApplicationDetail } from '@gjj/shared/api/application'
import { Button } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Loaded } from '../../../components/Loaded'
import { Rows } from '../../../components/Rows'
import { StatusTag } from '../../../components/Tag'
import { Timeline } from '../../../components/Timeline'
import { amountLabel, amountText, dataRows, loanFigureRows } from '../../../lib/application'
import { cardLabel, formatInstant, yuan } from '../../../lib/format'
import { useRefresh } from '../../../lib/use-refresh'
import { endFlow } from '../components/actions'
import { ReturnReason } from '../components/ReturnReason'
import { openResubmit, useRoutedApplication } from '../components/routes'
import '../components/withdraw.css'

type Row = [string, ReactNode]

function summaryRows(app: ApplicationDetail): Row[] {
  const label = amountLabel(app.kind)
  return [
    ['业务类型', app.kindName],
    ['申请编号', app.id],
    ['办理状态', <StatusTag key="status" status={app.status} />],
    ...dataRows(app.data),
    ...(app.closing
      ? ([
          ['个人账户余额', yuan(app.closing.balanceFen)],
          ['销户利息', yuan(app.closing.closingInterestFen)],
        ] as Row[])
      : []),
    ...(label ? ([[label, amountText(app.amountFen)]] as Row[]) : []),
    ...(app.bankCard ? ([['收款银行账号', cardLabel(app.bankCard)]] as Row[]) : []),
    ['申请时间', formatInstant(app.createdAt)],
    ...(app.submittedAt ? ([['提交时间', formatInstant(app.submittedAt)]] as Row[]) : []),
  ]
}

const archiveRows = (app: ApplicationDetail): Row[] =>
  app.archive.map((c) => [
    c.name,
    c.files.length ? `${c.files.length}个文件` : c.required ? '未上传' : '未上传（非必传）',
  ])

/**
 * manual 5.2.2 (2), (4): 流程信息查询 — the application, its return reason, every step of its
 * workflow, and what the depositor may still do (修改重新上传, 结束流程).
 */
export default function DetailPage() {
  const detail = useRoutedApplication()
  useRefresh(detail.reload, { onReturn: true })
  return (
    <View className="page detail">
      <Loaded state={detail} rows={8}>
        {(app) => <Detail app={app} reload={detail.reload} />}
      </Loaded>
    </View>
  )
}

function Detail({ app, reload }: { app: ApplicationDetail; reload: () => Promise<void> }) {
  const can = (action: ApplicationDetail['availableActions'][number]) => app.availableActions.includes(action)
  const end = async () => {
    if (await endFlow(app)) await reload()
  }
  return (
    <>
      {app.status === 'returned' && <ReturnReason reason={app.returnReason} />}
      <View className="section-title">业务信息</View>
      <Rows rows={summaryRows(app)} />
      {app.loanFigures && (
        <>
          <View className="section-title">贷款业务信息</View>
          <Rows rows={loanFigureRows(app.loanFigures)} />
        </>
      )}
      {app.archive.length > 0 && (
        <>
          <View className="section-title">档案材料</View>
          <Rows rows={archiveRows(app)} />
        </>
      )}
      <View className="section-title">流程信息</View>
      <Timeline events={app.timeline} />
      {(can('submit') || can('resubmit') || can('end')) && (
        <View className="wd-actions">
          {can('resubmit') && (
            <Button block type="primary" className="detail__resubmit" onClick={() => openResubmit(app)}>
              修改重新上传
            </Button>
          )}
          {can('submit') && (
            <Button block type="primary" className="detail__continue" onClick={() => openResubmit(app)}>
              继续办理
            </Button>
          )}
          {can('end') && (
            <Button block type="primary" fill="outline" className="detail__end" onClick={end}>
              结束流程
            </Button>
          )}
        </View>
      )}
    </>
  )
}
