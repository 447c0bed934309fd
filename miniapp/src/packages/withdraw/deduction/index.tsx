import { MONTHLY_DEDUCTION_ACTION_LABELS } from '@gjj/shared/catalog'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorText } from '../../../lib/errors'
import { yuan } from '../../../lib/format'
import { useBusy } from '../../../lib/use-busy'
import { NoticeLink, useNotice } from '../components/Notice'
import { ReturnReason } from '../components/ReturnReason'
import { LoanBusinessPage, type Ready } from '../loan/LoanBusinessPage'
import { LoanFacts } from '../loan/LoanFacts'
import { saveAndUpload } from '../loan/loan-context'
import '../components/withdraw.css'
import '../loan/loan.css'

/**
 * manual 6.3.2 按月抵扣签约: the loan's facts with 是否按月委托提取, 《按月抵扣签约须知》 with
 * 【我知道了】; 否 → 【我要签约】, 是 → 【取消签约】; either goes to 档案上传 and center review.
 */
export default function DeductionPage() {
  return (
    <LoanBusinessPage kind="monthlyDeduction" className="deduction" quote={async () => null}>
      {(ctx) => <Deduction ctx={ctx} />}
    </LoanBusinessPage>
  )
}

function Deduction({ ctx }: { ctx: Ready }) {
  const signed = ctx.loan.monthlyDeductionSigned
  const action = signed ? 'cancel' : 'sign'
  const notice = useNotice('monthlyDeduction')
  const [error, setError] = useState<string>()
  const { busy, run } = useBusy()
  const go = () =>
    run(
      async () => {
        if (!notice.read) {
          notice.show()
          return
        }
        setError(undefined)
        await saveAndUpload(ctx.app, { kind: 'monthlyDeduction', action })
      },
      (e) => setError(errorText(e)),
    )
  return (
    <>
      {ctx.app?.status === 'returned' && <ReturnReason reason={ctx.app.returnReason} />}
      <LoanFacts
        loan={ctx.loan}
        extra={[
          ['是否按月委托提取', signed ? '是' : '否'],
          ['公积金账户余额', yuan(ctx.balanceFen)],
          ['账户状态', ctx.accountStatus.label],
        ]}
      />
      <Text className="loan-note">
        {signed
          ? '您已签约按月抵扣：每个还款日先从公积金账户扣收当期月供。取消后月供全部从还款银行卡扣收。'
          : '签约后每个还款日先从公积金账户扣收当期月供，不足部分从还款银行卡扣收。'}
      </Text>
      <NoticeLink notice={ctx.info.notice} state={notice} />
      {error && <Text className="wd-form-error">{error}</Text>}
      <View className="wd-actions">
        <Button block type="primary" className={`deduction__${action}`} loading={busy} onClick={go}>
          {MONTHLY_DEDUCTION_ACTION_LABELS[action]}
        </Button>
      </View>
    </>
  )
}
