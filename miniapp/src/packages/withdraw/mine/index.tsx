import type { ApplicationSummary } from '@gjj/shared/api/application'
import { Tabs } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import { PagedList } from '../../../components/PagedList'
import { useRefresh } from '../../../lib/use-refresh'
import { usePaged } from '../../../lib/use-request'
import { endFlow } from '../components/actions'
import { openDetail, openResubmit } from '../components/routes'
import { ApplicationCard } from './ApplicationCard'
import './index.css'

type Tab = 'todo' | 'mine'

/**
 * manual 5.2.2: 我的业务 — 待办事项 (applications the center returned: 查看退回原因, 修改重新上传,
 * 结束流程) and 我发起的 (everything the person started, newest first: 查看).
 */
export default function MinePage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<Tab>(params.tab === 'mine' ? 'mine' : 'todo')
  const todo = usePaged((cursor) => api.listTodo(cursor ? { cursor } : {}))
  const mine = usePaged((cursor) => api.listMyApplications(cursor ? { cursor } : {}))
  const refresh = () => Promise.all([todo.reload(), mine.reload()])
  useRefresh(refresh, { onReturn: true })

  const end = async (app: ApplicationSummary) => {
    if (await endFlow(app)) await refresh()
  }

  return (
    <View className="page mine">
      <Tabs value={tab} onChange={(v) => setTab(v === 'mine' ? 'mine' : 'todo')} activeColor="#1a5fb4">
        <Tabs.TabPane
          title={`待办事项${todo.items.length ? `(${todo.items.length}${todo.hasMore ? '+' : ''})` : ''}`}
          value="todo"
        >
          <PagedList list={todo} rows={5} empty="暂无待办事项">
            {(app) => (
              <ApplicationCard
                key={app.id}
                app={app}
                date={['退回日期', app.updatedAt]}
                actions={[
                  { label: '查看退回原因', onClick: () => openDetail(app.id) },
                  { label: '修改重新上传', onClick: () => openResubmit(app), primary: true },
                  { label: '结束流程', onClick: () => end(app) },
                ]}
              >
                {app.returnReason && (
                  <View className="app-card__reason">
                    <Text>退回原因：{app.returnReason}</Text>
                  </View>
                )}
              </ApplicationCard>
            )}
          </PagedList>
        </Tabs.TabPane>
        <Tabs.TabPane title="我发起的" value="mine">
          <PagedList list={mine} rows={5} empty="您还没有发起过业务">
            {(app) => (
              <ApplicationCard
                key={app.id}
                app={app}
                date={['申请日期', app.createdAt]}
                actions={[{ label: '查看', onClick: () => openDetail(app.id), primary: true }]}
              />
            )}
          </PagedList>
        </Tabs.TabPane>
      </Tabs>
    </View>
  )
}
