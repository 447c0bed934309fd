import type { staffMe } from '@gjj/shared/api/admin'
import type { OutputOf } from '@gjj/shared/api/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type ReactNode, useEffect } from 'react'
import { useRequest } from '../../../lib/use-request'
import { adminUrl, type ConsoleSection, homeFor, sectionsFor } from './routes'
import { signOut } from './session'
import { staffApi } from './staff-api'

export type Staff = OutputOf<typeof staffMe>

const TITLES: Record<ConsoleSection, string> = {
  queue: '审批',
  documents: '证明作废',
  news: '新闻管理',
  outlets: '网点管理',
  staff: '账号管理',
  audit: '操作日志',
}

/**
 * The top of every console list page: who is signed in, their center, 退出登录, and the sections
 * their roles open (审批 for reviewers, 新闻管理 and 网点管理 for publishers, 新闻管理 for the
 * region's admin). A page its roles do not open sends the person to the first one that is theirs.
 * `children` get the staff member once known.
 */
export function ConsoleBar({ current, children }: { current: ConsoleSection; children?: (me: Staff) => ReactNode }) {
  const me = useRequest(() => staffApi.staffMe())
  const sections = me.data ? sectionsFor(me.data.roles) : []
  const allowed = !me.data || sections.includes(current)
  const mustChange = me.data?.mustChangePassword === true
  useEffect(() => {
    if (mustChange) Taro.redirectTo({ url: adminUrl.password() })
    else if (!allowed && me.data) Taro.redirectTo({ url: homeFor(me.data.roles) })
  }, [allowed, me.data, mustChange])
  return (
    <>
      <View className="reviewer">
        <View className="reviewer__text">
          <Text className="reviewer__name">{me.data?.name ?? (me.error ? '工作人员' : '…')}</Text>
          <Text className="reviewer__center">{me.data?.centerName ?? ' '}</Text>
        </View>
        <Text className="reviewer__password" onClick={() => Taro.navigateTo({ url: adminUrl.password() })}>
          修改密码
        </Text>
        <Text className="reviewer__logout" onClick={signOut}>
          退出登录
        </Text>
      </View>
      {sections.length > 1 && (
        <View className="console-nav">
          {sections.map((s) => (
            <Text
              key={s}
              className={`console-nav__item console-nav__item--${s}${s === current ? ' console-nav__item--on' : ''}`}
              onClick={() => s !== current && Taro.redirectTo({ url: adminUrl[s]() })}
            >
              {TITLES[s]}
            </Text>
          ))}
        </View>
      )}
      {me.data && allowed && !mustChange && children ? children(me.data) : null}
    </>
  )
}
