import { View } from '@tarojs/components'
import { MenuGrid } from '../../components/MenuGrid'
import { PrivacyConsent } from '../../components/PrivacyConsent'

/** manual chapter 4: 公积金账户查询 and 我的贷款 (login first when there is no session) */
export default function AccountPage() {
  return (
    <View className="page">
      <PrivacyConsent />
      <MenuGrid
        title="账户查询"
        entries={[
          { title: '公积金账户查询', icon: '账', url: '/packages/account/fund/index', signedIn: true },
          { title: '我的贷款', icon: '贷', url: '/packages/account/loan/index', signedIn: true },
        ]}
      />
    </View>
  )
}
