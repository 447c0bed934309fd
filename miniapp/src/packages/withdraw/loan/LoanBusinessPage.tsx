import type { LoanBusinessKind } from '@gjj/shared/catalog'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ReactNode } from 'react'
import { Loaded } from '../../../components/Loaded'
import { useRequest } from '../../../lib/use-request'
import { Blocked } from '../apply/Blocked'
import { type LoanPageContext, loadLoanPage } from './loan-context'

export type Ready = Extract<LoanPageContext, { blocked: false }>

/**
 * The frame of the three 贷款业务 pages: the page's context (loadLoanPage, with `id` when 修改重新上传)
 * and, once the business is open to the person, its quote; a business that is not open says why.
 */
export function LoanBusinessPage<Q>({
  kind,
  className,
  quote,
  children,
}: {
  kind: LoanBusinessKind
  className: string
  quote: () => Promise<Q>
  children: (ctx: Ready, quote: Q) => ReactNode
}) {
  const { params } = useRouter()
  const state = useRequest(async () => {
    const ctx = await loadLoanPage(kind, params.id)
    return ctx.blocked ? { ctx, quote: null } : { ctx, quote: await quote() }
  })
  return (
    <View className={`page loan-page ${className}`}>
      <Loaded state={state}>
        {({ ctx, quote }) =>
          ctx.blocked ? <Blocked reason={ctx.reason} applicationId={ctx.applicationId} /> : children(ctx, quote as Q)
        }
      </Loaded>
    </View>
  )
}
