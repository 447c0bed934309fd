import { type ApplicationKind, KINDS } from '@gjj/shared/catalog'
import Taro from '@tarojs/taro'
import { api } from '../../../api'
import { errorText } from '../../../lib/errors'
import { forgetNotice } from './notice-read'

/** a 【确定】/【取消】 question; resolves true on 确定 */
export async function confirm(content: string, title = '提示'): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title,
      content,
      confirmText: '确定',
      cancelText: '取消',
      confirmColor: '#1a5fb4',
    })
    return res.confirm
  } catch {
    return false
  }
}

export function toast(title: string, icon: 'none' | 'success' = 'none') {
  Taro.showToast({ title, icon, duration: icon === 'none' ? 2500 : 1500 })
}

/** 结束流程 (manual 5.2.2 (5)): asks first; true when the application was ended */
export async function endFlow(app: { id: string; kind: string }): Promise<boolean> {
  const where = KINDS[app.kind as ApplicationKind]?.group === 'loan' ? '业务办理—贷款业务' : '我要提取'
  const sure = await confirm(
    `结束流程后本次申请不再办理，如需办理可在“${where}”中重新申请。确定结束流程吗？`,
    '结束流程',
  )
  if (!sure) return false
  Taro.showLoading({ title: '正在处理', mask: true })
  try {
    await api.endApplication({ id: app.id })
    forgetNotice(app.kind)
    Taro.hideLoading()
    toast('流程已结束', 'success')
    return true
  } catch (e) {
    Taro.hideLoading()
    toast(errorText(e))
    return false
  }
}
