import { type PropsWithChildren, useEffect } from 'react'
import * as z from 'zod'
// zod answers in Chinese (zh-CN locale + plain field messages); builds no schema, so jitless below still comes first
import '@gjj/shared/zod-locale'
import { listenForWechatPrivacy } from './lib/privacy'
import './app.css'

// mini-programs forbid `new Function`: zod must not compile validators at run time. z.config merges
// into zod's one configuration, so this and the Chinese messages above compose.
z.config({ jitless: true })

function App({ children }: PropsWithChildren) {
  // WeChat holds its personal-information APIs until the person answers the 隐私声明 summary
  useEffect(() => listenForWechatPrivacy(), [])
  return children
}

export default App
