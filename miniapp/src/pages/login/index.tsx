import type { Center } from '@gjj/shared/api/system'
import { checkLoginAccount } from '@gjj/shared/validation'
import { Button, Cell, Input, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ApiRequestError, api } from '../../api'
import { FaceAgreement } from '../../components/FaceAgreement'
import { Loaded } from '../../components/Loaded'
import { PrivacyConsent } from '../../components/PrivacyConsent'
import { channel, deviceId, type Me, signedIn } from '../../lib/auth'
import { chooseCenter, chosenCenter } from '../../lib/center'
import { alipayAuthCode, runFaceFlow, wechatLoginCode } from '../../lib/platform-auth'
import { consentNeeded, recordConsent, withConsent } from '../../lib/privacy'
import { useBusy } from '../../lib/use-busy'
import { useRequest } from '../../lib/use-request'
import './index.css'

const TAB_PAGES = ['/pages/news/index', '/pages/account/index', '/pages/business/index', '/pages/me/index']

interface Pending {
  ticket: string
  methods: ('alipay' | 'face')[]
}

/** the depositor login answers with: who, and the 隐私声明 version recorded for them */
type Depositor = Me & { privacyAcceptedVersion: string | null }
type Verified = { session: { token: string }; depositor: Depositor }

/** manual 2.1.2: choose the center, then phone number or ID number + password; first login: 支付宝授权 or 刷脸 */
export default function LoginPage() {
  const { params } = useRouter()
  const centers = useRequest(() => api.listCenters().then((r) => r.centers))
  const [center, setCenter] = useState<Center | undefined>(chosenCenter())
  const [picking, setPicking] = useState(false)
  const [account, setAccount] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<{ account?: string; password?: string; form?: string }>({})
  const { busy, run } = useBusy()
  const [pending, setPending] = useState<Pending>()
  const [faceAgreement, setFaceAgreement] = useState(false)

  const pick = (c: Center) => {
    setCenter(c)
    chooseCenter(c)
    setPicking(false)
  }

  const done = (token: string, me: Depositor) => {
    signedIn(token, me)
    void recordConsent(me.privacyAcceptedVersion)
    Taro.showToast({ title: '登录成功', icon: 'success' })
    const redirect = params.redirect ? decodeURIComponent(params.redirect) : '/pages/account/index'
    if (TAB_PAGES.includes(redirect.split('?')[0] as string)) Taro.switchTab({ url: redirect })
    else Taro.redirectTo({ url: redirect })
  }

  const fail = (e: unknown) => {
    const message = e instanceof ApiRequestError || e instanceof Error ? e.message : '登录失败，请重试'
    const field = e instanceof ApiRequestError ? e.body.issues?.[0]?.path[0] : undefined
    setErrors(field === 'account' || field === 'password' ? { [field]: message } : { form: message })
  }

  const submit = async () => {
    if (consentNeeded()) return withConsent(submit)
    if (!center) return setErrors({ form: '请选择所在缴存中心' })
    const checked = checkLoginAccount(account.trim())
    if (!checked.ok) return setErrors({ account: checked.message })
    if (!password) return setErrors({ password: '请输入密码' })
    setErrors({})
    await run(async () => {
      const res = await api.login({
        account: account.trim(),
        password,
        centerCode: center.code,
        channel,
        deviceId: deviceId(),
      })
      if (res.status === 'ok') done(res.session.token, res.depositor)
      else setPending({ ticket: res.ticket, methods: res.methods })
    }, fail)
  }

  /** 首次登录验证 by one method: `verify` ends in the session; a failure ends the verification */
  const verifyBy = (verify: (ticket: string) => Promise<Verified>) => () => {
    if (!pending) return
    return run(
      async () => {
        const res = await verify(pending.ticket)
        done(res.session.token, res.depositor)
      },
      (e) => {
        setPending(undefined)
        fail(e)
      },
    )
  }

  const verifyWithAlipay = verifyBy(async (ticket) => {
    const start = await api.startFirstLoginVerification({ ticket, method: 'alipay' })
    const authCode = await alipayAuthCode(start.method === 'alipay' ? start.scopes : [], deviceId())
    return api.completeFirstLoginVerification({ ticket, method: 'alipay', authCode })
  })

  const verifyWithFace = verifyBy(async (ticket) => {
    setFaceAgreement(false)
    const wxCode = await wechatLoginCode(deviceId())
    const start = await api.startFirstLoginVerification({ ticket, method: 'face', ...(wxCode ? { wxCode } : {}) })
    if (start.method !== 'face') throw new Error('刷脸验证暂不可用')
    await runFaceFlow(start.verifyId)
    return api.completeFirstLoginVerification({ ticket, method: 'face', verifyId: start.verifyId })
  })

  return (
    <View className="page login">
      <PrivacyConsent />
      <View className="login__banner">
        <Text className="login__title">手机公积金</Text>
        <Text className="login__subtitle">新疆维吾尔自治区住房公积金综合服务平台</Text>
      </View>
      <View className="login__card">
        <View className="login__center" onClick={() => setPicking(true)}>
          <View className="login__center-text">
            <Text className="login__center-label">所在缴存中心</Text>
            <Text className={`login__center-name${center ? '' : ' muted'}`}>{center ? center.name : '请选择'}</Text>
          </View>
          <Text className="login__center-arrow">›</Text>
        </View>
        <View className="login__field">
          <Input
            className="login__account"
            placeholder="手机号或证件号码"
            value={account}
            onChange={setAccount}
            maxLength={18}
          />
        </View>
        {errors.account && <Text className="field-error">{errors.account}</Text>}
        <View className="login__field">
          <Input
            className="login__password"
            placeholder="密码"
            type="password"
            value={password}
            onChange={setPassword}
            maxLength={32}
          />
        </View>
        {errors.password && <Text className="field-error">{errors.password}</Text>}
        {errors.form && <Text className="field-error login__form-error">{errors.form}</Text>}
        <View className="login__submit">
          <Button block type="primary" loading={busy} disabled={busy} onClick={submit}>
            登录
          </Button>
        </View>
        <Text className="login__hint">首次在本设备登录需通过支付宝授权或刷脸验证</Text>
        <View className="login__links">
          <Text className="login__link" onClick={() => Taro.navigateTo({ url: '/packages/auth/reset/index' })}>
            忘记密码
          </Text>
          <Text className="login__link" onClick={() => Taro.navigateTo({ url: '/packages/tools/calculator/index' })}>
            房贷计算器
          </Text>
        </View>
      </View>

      <Popup visible={picking} position="bottom" round title="选择所在缴存中心" onClose={() => setPicking(false)}>
        <View className="center-list">
          <Loaded state={centers} plain>
            {(list) =>
              list.map((c) => (
                <Cell
                  key={c.code}
                  className={`center-list__item${c.code === center?.code ? ' center-list__item--on' : ''}`}
                  title={c.name}
                  clickable
                  onClick={() => pick(c)}
                />
              ))
            }
          </Loaded>
        </View>
      </Popup>

      <Popup
        visible={Boolean(pending) && !faceAgreement}
        position="bottom"
        round
        title="首次登录验证"
        // NutUI calls onClose whenever the popup hides, also when 刷脸认证 takes its place: only a
        // dismissal by the person ends the verification
        onClose={() => !faceAgreement && setPending(undefined)}
      >
        <View className="verify">
          <Text className="verify__text">为保障您的账户安全，首次在本设备登录需验证本人身份</Text>
          {pending?.methods.includes('alipay') && (
            <Button block type="primary" className="verify__alipay" disabled={busy} onClick={verifyWithAlipay}>
              支付宝登录
            </Button>
          )}
          {pending?.methods.includes('face') && (
            <Button
              block
              fill="outline"
              type="primary"
              className="verify__face"
              disabled={busy}
              onClick={() => setFaceAgreement(true)}
            >
              刷脸登录
            </Button>
          )}
        </View>
      </Popup>

      <FaceAgreement
        visible={faceAgreement}
        busy={busy}
        onAgree={verifyWithFace}
        onClose={() => setFaceAgreement(false)}
      />
    </View>
  )
}
