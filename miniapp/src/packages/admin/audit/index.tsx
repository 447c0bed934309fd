import type { OutputOf } from '@gjj/shared/api/contract'
import type { listStaffAudit } from '@gjj/shared/api/staff-accounts'
import { isIsoDate } from '@gjj/shared/date'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { usePaged, useRequest } from '../../../lib/use-request'
import { AdminPage } from '../components/AdminPage'
import { ConsoleBar } from '../components/ConsoleBar'
import { adminUrl } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { staffApi } from '../components/staff-api'
import '../staff/index.css'

type Entry = OutputOf<typeof listStaffAudit>['items'][number]
type Filter = { staffId?: string; from?: string; to?: string }

/** China time of an instant, yyyy-mm-dd hh:mm */
const chinaTime = (at: string) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

/**
 * 操作日志 (issue 13, center admin): who approved, returned or changed what, and when, newest first;
 * filtered by staff member and China dates. Targets and reasons are text, never HTML.
 */
export default function AuditPage() {
  const signedIn = useStaffGuard(adminUrl.audit())
  return (
    <AdminPage className="audit-desk">
      {signedIn && <ConsoleBar current="audit">{() => <AuditLog />}</ConsoleBar>}
    </AdminPage>
  )
}

function AuditLog() {
  const staff = useRequest(() => staffApi.listStaff())
  const [draft, setDraft] = useState<Filter>({})
  const [filter, setFilter] = useState<Filter>({})
  const [error, setError] = useState('')
  const apply = () => {
    for (const d of [draft.from, draft.to]) {
      if (d && !isIsoDate(d)) return setError('日期格式应为 YYYY-MM-DD')
    }
    setError('')
    setFilter({ ...draft })
  }
  return (
    <>
      <View className="console-form audit-filter">
        <View className="console-chips">
          <Text
            className={`console-chip${!draft.staffId ? ' console-chip--on' : ''}`}
            onClick={() => setDraft({ ...draft, staffId: undefined })}
          >
            全部人员
          </Text>
          {staff.data?.items.map((s) => (
            <Text
              key={s.id}
              className={`console-chip audit-filter__staff--${s.username}${draft.staffId === s.id ? ' console-chip--on' : ''}`}
              onClick={() => setDraft({ ...draft, staffId: s.id })}
            >
              {s.name}
            </Text>
          ))}
        </View>
        <View className="audit-filter__dates">
          <Input
            className="console-form__input audit-filter__from"
            placeholder="开始日期 YYYY-MM-DD"
            value={draft.from ?? ''}
            maxLength={10}
            onChange={(v) => setDraft({ ...draft, from: v || undefined })}
          />
          <Input
            className="console-form__input audit-filter__to"
            placeholder="结束日期 YYYY-MM-DD"
            value={draft.to ?? ''}
            maxLength={10}
            onChange={(v) => setDraft({ ...draft, to: v || undefined })}
          />
          <Button className="audit-filter__apply" size="small" type="primary" onClick={apply}>
            查询
          </Button>
        </View>
        {error && <Text className="field-error">{error}</Text>}
      </View>
      <Entries key={JSON.stringify(filter)} filter={filter} />
    </>
  )
}

function Entries({ filter }: { filter: Filter }) {
  const page = usePaged((cursor) => staffApi.listStaffAudit({ ...filter, ...(cursor ? { cursor } : {}), limit: 50 }))
  return (
    <View className="staff-table audit-table" role="table">
      <View className="staff-table__row staff-table__head" role="row">
        <Text>时间</Text>
        <Text>人员</Text>
        <Text>操作</Text>
        <Text>对象</Text>
        <Text>原因/意见</Text>
      </View>
      {page.items.map((e: Entry) => (
        <View key={e.id} className="staff-table__row audit-row" role="row">
          <Text>{chinaTime(e.at)}</Text>
          <Text>{e.staffName}</Text>
          <Text className="audit-row__action">{e.actionLabel}</Text>
          <Text className="audit-row__target">{e.target}</Text>
          <Text className="audit-row__note">{e.note}</Text>
        </View>
      ))}
      {page.loaded && page.items.length === 0 && <View className="empty">没有符合条件的记录</View>}
      {page.error && <View className="field-error">{page.error.message}</View>}
      {page.hasMore && (
        <View className="console-actions">
          <Button size="small" onClick={() => page.more()} loading={page.loading}>
            加载更多
          </Button>
        </View>
      )}
    </View>
  )
}
