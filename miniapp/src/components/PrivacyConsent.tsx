import { privacySummary } from '@gjj/shared/info/privacy'
import { Popup } from '@nutui/nutui-react-taro'
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
 * The 隐私声明 consent sheet (manual 7.3): the summary, 【查看全文】, 【不同意】/【同意】. Every tab
 * page, the login page and the pages a shared link may open (ConsentGate) hold one; only the page on
 * screen shows it. The first page shown asks when this device has not agreed to the current version.
 * A card in the middle of the screen on NutUI's Popup (already in the main package for the login's
 * sheets) rather than its Dialog: one component less on every tab (decision 86); in the middle, not
 * from the bottom, because the H5 tab bar lies over the foot of the page. It cannot be closed but by
 * an answer. In WeChat it is also the answer to WeChat's own privacy
 * authorization (lib/privacy.ts): the agree button is WeChat's `agreePrivacyAuthorization` button,
 * which lets a held personal-information API go on only once tapped (checked by its id).
 */
export function PrivacyConsent() {
  const [open, setOpen] = useState(consentOpen())
  const [shown, setShown] = useState(true)
  useEffect(() => subscribeConsent(setOpen), [])
  useEffect(() => askOnStart(), [])
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  return (
    <Popup
      className="privacy-consent"
      visible={open && shown}
      position="center"
      round
      closeable={false}
      closeOnOverlayClick={false}
    >
      <View className="privacy-consent__body">
        <Text className="privacy-consent__title">隐私声明</Text>
        <Text className="privacy-consent__summary">{privacySummary}</Text>
        <Text className="privacy-consent__link" onClick={() => Taro.navigateTo({ url: privacyUrl })}>
          查看全文
        </Text>
        <View className="privacy-consent__footer">
          <Button className="privacy-consent__no" onClick={decline}>
            不同意
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button
              id={WECHAT_AGREE_BUTTON_ID}
              className="privacy-consent__yes"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={agree}
            >
              同意
            </Button>
          ) : (
            <Button className="privacy-consent__yes" onClick={agree}>
              同意
            </Button>
          )}
        </View>
      </View>
    </Popup>
  )
}
