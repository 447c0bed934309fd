import { Cell } from '@nutui/nutui-react-taro'
import type { ReactNode } from 'react'
import { useConsented, withConsent } from '../lib/privacy'
import { PrivacyConsent } from './PrivacyConsent'

/**
 * For a page a shared link can open straight away (新闻详情, 服务网点): the 隐私声明 summary comes
 * first when this device has not agreed to the current version, and the page's content (and its
 * requests) only after 同意. After 不同意 the page says so and asks again on a tap.
 */
export function ConsentGate({ what, children }: { what: string; children: ReactNode }) {
  const consented = useConsented()
  return (
    <>
      <PrivacyConsent />
      {consented ? (
        children
      ) : (
        <Cell
          className="consent-gate"
          title={`同意隐私声明后${what}`}
          clickable
          onClick={() => withConsent(() => undefined)}
        />
      )}
    </>
  )
}
