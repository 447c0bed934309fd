import { type PropsWithChildren, useEffect } from 'react'
import { listenForWechatPrivacy } from './lib/privacy'
import './app.css'

function App({ children }: PropsWithChildren) {
  // WeChat holds its personal-information APIs until the person answers the 隐私声明 summary
  useEffect(() => listenForWechatPrivacy(), [])
  return children
}

export default App
