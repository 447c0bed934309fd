import { Rows } from '../../../components/Rows'
import { yuan } from '../../../lib/format'
import type { ReviewDetail } from './types'

const GENDER = { male: '男', female: '女' } as const

/** the depositor's facts the reviewer checks the application against */
export function DepositorInfo({ depositor: d }: { depositor: ReviewDetail['depositor'] }) {
  return (
    <Rows
      rows={[
        ['姓名', d.name],
        ['证件号码', d.idNumberMasked],
        ['手机号码', d.phoneMasked],
        ['性别', GENDER[d.gender]],
        ['出生日期', d.birthDate],
        ['个人账号', d.accountNo],
        ['账户状态', d.accountStatus.label],
        ['账户余额', yuan(d.balanceFen)],
        ['是否达到法定退休年龄', d.retirementAgeReached ? '是' : '否'],
      ]}
    />
  )
}
