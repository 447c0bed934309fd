import { privacyStatement } from '@gjj/shared/info/privacy-statement'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api, session } from '../../../api'
import { signedOut } from '../../../lib/auth'
import { errorText } from '../../../lib/errors'
import { agree, useConsented, withdrawConsent } from '../../../lib/privacy'
import { useBusy } from '../../../lib/use-busy'
import './index.css'

/**
 * manual 7.3: 隐私声明, the full text with its version, and at its end 撤回同意 (when agreed) or
 * 同意 (when not; the person has the whole text in front of them): withdrawing is recorded on the depositor's record when signed in, and leaves the
 * app as 不同意 does — only 房贷计算器 and this statement until the person agrees again.
 */
export default function PrivacyPage() {
  const consented = useConsented()
  const { busy, run } = useBusy()

  const withdraw = () =>
    run(
      async () => {
        const { confirm } = await Taro.showModal({
          title: '撤回同意',
          content: '撤回后您将退出登录，除房贷计算器和隐私声明外的功能都将无法使用，直到您再次同意。确定撤回吗？',
          confirmText: '撤回',
          cancelText: '取消',
        })
        if (!confirm) return
        const wasSignedIn = Boolean(session.token)
        await withdrawConsent()
        // as the statement says: withdrawing signs the person out
        if (wasSignedIn) {
          await api.logout().catch(() => undefined)
          signedOut()
        }
        Taro.showToast({ title: wasSignedIn ? '已撤回同意并退出登录' : '已撤回同意', icon: 'none' })
      },
      (e) => Taro.showToast({ title: errorText(e, '撤回失败，请重试'), icon: 'none' }),
    )

  return (
    <View className="page">
      <View className="privacy">
        <Text className="privacy__title">{privacyStatement.title}</Text>
        <Text className="privacy__version">版本：{privacyStatement.version}</Text>
        {privacyStatement.sections.map((s) => (
          <View key={s.title} className="privacy__section">
            <Text className="privacy__heading">{s.title}</Text>
            {s.paragraphs.map((p) => (
              <Text key={p} className="privacy__para">
                {p}
              </Text>
            ))}
          </View>
        ))}
      </View>
      <View className="privacy__actions">
        <Text className="privacy__state">{consented ? '您已同意本隐私声明' : '您尚未同意本隐私声明'}</Text>
        {consented ? (
          <Button className="privacy__withdraw" block type="danger" fill="outline" loading={busy} onClick={withdraw}>
            撤回同意
          </Button>
        ) : (
          <Button className="privacy__agree" block type="primary" onClick={agree}>
            同意本隐私声明
          </Button>
        )}
      </View>
    </View>
  )
}
