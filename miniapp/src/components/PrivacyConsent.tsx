import { privacySummary } from '@gjj/shared/info/privacy'
import { Dialog } from '@nutui/nutui-react-taro'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import {
  agree,
  askOnStart,
  consentOpen,
  decline,
  privacyUrl,
  subscribeConsent,
  WECHAT_AGREE_BUTTON_ID,
} from '../lib/privacy'
import './PrivacyConsent.css'

/**
 * The 隐私声明 consent dialog (manual 7.3): the summary, 【查看全文】, 【同意】/【不同意】. Every tab
 * page, the login page and the pages a shared link may open (ConsentGate) hold one; only the page on
 * screen shows it. The first page shown asks when this device has not agreed to the current version.
 * In WeChat it is also the answer to WeChat's own privacy authorization (lib/privacy.ts).
 */
export function PrivacyConsent() {
  const [open, setOpen] = useState(consentOpen())
  const [shown, setShown] = useState(true)
  useEffect(() => subscribeConsent(setOpen), [])
  useEffect(() => askOnStart(), [])
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  return (
    <Dialog
      className="privacy-consent"
      visible={open && shown}
      title="隐私声明"
      confirmText="同意"
      cancelText="不同意"
      closeOnOverlayClick={false}
      onConfirm={agree}
      onCancel={decline}
      onClose={() => undefined}
      footer={process.env.TARO_ENV === 'weapp' ? <WechatFooter /> : undefined}
    >
      <View className="privacy-consent__body">
        <Text className="privacy-consent__summary">{privacySummary}</Text>
        <Text className="privacy-consent__link" onClick={() => Taro.navigateTo({ url: privacyUrl })}>
          查看全文
        </Text>
      </View>
    </Dialog>
  )
}

/**
 * WeChat lets a held personal-information API go on only after its own agree button was tapped
 * (`open-type="agreePrivacyAuthorization"`, checked by id), so the weapp build answers with these.
 */
function WechatFooter() {
  return (
    <View className="privacy-consent__footer">
      <Button className="privacy-consent__no" onClick={decline}>
        不同意
      </Button>
      <Button
        id={WECHAT_AGREE_BUTTON_ID}
        className="privacy-consent__yes"
        openType="agreePrivacyAuthorization"
        onAgreePrivacyAuthorization={agree}
      >
        同意
      </Button>
    </View>
  )
}
