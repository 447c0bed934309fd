import { View } from '@tarojs/components'
import { api } from '../../../api'
import { Loaded } from '../../../components/Loaded'
import { Rows } from '../../../components/Rows'
import { useRefresh } from '../../../lib/use-refresh'
import { useRequest } from '../../../lib/use-request'

/** manual 7.1: 个人中心 — the depositor's basic information, masked */
export default function ProfilePage() {
  const profile = useRequest(() => api.getProfile())
  useRefresh(profile.reload)
  return (
    <View className="page">
      <Loaded state={profile} rows={8}>
        {(p) => (
          <Rows
            rows={[
              ['姓名', p.name],
              ['性别', p.gender === 'male' ? '男' : '女'],
              ['出生日期', p.birthDate],
              ['证件类型', p.idType.label],
              ['证件号码', p.idNumberMasked],
              ['手机号码', p.phoneMasked],
              ['个人账号', p.accountNo],
              ['单位名称', p.employerName],
              ['所属中心', p.centerName],
            ]}
          />
        )}
      </Loaded>
    </View>
  )
}
