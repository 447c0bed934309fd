import { View } from '@tarojs/components'
import { MenuGrid } from '../../components/MenuGrid'
import { PrivacyConsent } from '../../components/PrivacyConsent'

/** manual chapter 5: 便民工具, 提取业务, 贷款业务 */
export default function BusinessPage() {
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
      <MenuGrid
        title="贷款业务"
        entries={[
          { title: '提前还本', icon: '还' },
          { title: '按月抵扣签约', icon: '签' },
          { title: '提前结清', icon: '清' },
        ]}
      />
    </View>
  )
}
