import { privacySummary } from '@gjj/shared/info/privacy'
import { Dialog } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { agree, askOnStart, consentOpen, decline, privacyUrl, subscribeConsent } from '../lib/privacy'
import './PrivacyConsent.css'

/**
 * The 隐私声明 consent dialog (manual 7.3): the summary, 【查看全文】, 【同意】/【不同意】. Every tab
 * page and the login page hold one; only the page on screen shows it. The first page shown asks
 * when this device has not agreed to the current version.
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
