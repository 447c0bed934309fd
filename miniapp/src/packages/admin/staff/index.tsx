import type { OutputOf } from '@gjj/shared/api/contract'
import type { listStaff } from '@gjj/shared/api/staff-accounts'
import { APP_PASSWORD_MAX, APP_PASSWORD_MIN } from '@gjj/shared/validation'
import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Loaded } from '../../../components/Loaded'
import { Tag } from '../../../components/Tag'
import { errorText, fieldErrors } from '../../../lib/errors'
import { useBusy } from '../../../lib/use-busy'
import { useRequest } from '../../../lib/use-request'
import { AdminPage } from '../components/AdminPage'
import { ConsoleBar, type Staff } from '../components/ConsoleBar'
import { adminUrl } from '../components/routes'
import { useStaffGuard } from '../components/session'
import { staffApi } from '../components/staff-api'
import './index.css'

type Account = OutputOf<typeof listStaff>['items'][number]
type Role = 'reviewer' | 'publisher'
const ROLE_LABELS: Record<string, string> = {
  reviewer: '审批',
  publisher: '信息发布',
  centerAdmin: '中心管理员',
  regionAdmin: '自治区信息管理',
}

/**
 * 账号管理 (issue 13, center admin): the center's staff accounts — 新建 (an initial password the
 * person changes at the first login), 停用 / 启用, 重置密码. Names are text, never HTML.
 */
export default function StaffDeskPage() {
  const signedIn = useStaffGuard(adminUrl.staff())
  return (
    <AdminPage className="staff-desk">
      {signedIn && <ConsoleBar current="staff">{(me) => <Accounts me={me} />}</ConsoleBar>}
    </AdminPage>
  )
}

function Accounts({ me }: { me: Staff }) {
  const list = useRequest(() => staffApi.listStaff())
  return (
    <>
      <NewAccount onCreated={list.reload} />
      <Loaded state={list} rows={6}>
        {(d) => (
          <View className="staff-table" role="table">
            <View className="staff-table__row staff-table__head" role="row">
              <Text>用户名</Text>
              <Text>姓名</Text>
              <Text>岗位</Text>
              <Text>状态</Text>
              <Text>操作</Text>
            </View>
            {d.items.map((a) => (
              <AccountRow key={a.id} account={a} self={a.id === me.id} onChanged={list.reload} />
            ))}
          </View>
        )}
      </Loaded>
    </>
  )
}

function NewAccount({ onCreated }: { onCreated: () => unknown }) {
  const [username, setUsername] = useState('')
  const [name, setName] = useState('')
  const [roles, setRoles] = useState<Role[]>(['reviewer'])
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<
    Partial<Record<'username' | 'name' | 'roles' | 'initialPassword' | 'form', string>>
  >({})
  const { busy, run } = useBusy()
  const toggle = (r: Role) => setRoles((old) => (old.includes(r) ? old.filter((x) => x !== r) : [...old, r]))
  const submit = () =>
    run(
      async () => {
        setErrors({})
        await staffApi.createStaff({ username: username.trim(), name: name.trim(), roles, initialPassword: password })
        Taro.showToast({ title: '账号已创建', icon: 'success' })
        setUsername('')
        setName('')
        setPassword('')
        await onCreated()
      },
      (e) => setErrors(fieldErrors(e, ['username', 'name', 'roles', 'initialPassword'])),
    )
  return (
    <View className="console-form staff-new">
      <Text className="staff-new__title">新建账号</Text>
      <View className="staff-new__fields">
        <View className="console-form__field">
          <Text className="console-form__label">用户名</Text>
          <Input
            className="console-form__input staff-new__username"
            placeholder="小写字母开头"
            value={username}
            maxLength={32}
            onChange={setUsername}
          />
          {errors.username && <Text className="field-error">{errors.username}</Text>}
        </View>
        <View className="console-form__field">
          <Text className="console-form__label">姓名</Text>
          <Input
            className="console-form__input staff-new__name"
            placeholder="请输入姓名"
            value={name}
            maxLength={20}
            onChange={setName}
          />
          {errors.name && <Text className="field-error">{errors.name}</Text>}
        </View>
        <View className="console-form__field">
          <Text className="console-form__label">岗位</Text>
          <View className="console-chips">
            {(['reviewer', 'publisher'] as const).map((r) => (
              <Text
                key={r}
                className={`console-chip staff-new__role--${r}${roles.includes(r) ? ' console-chip--on' : ''}`}
                onClick={() => toggle(r)}
              >
                {ROLE_LABELS[r]}
              </Text>
            ))}
          </View>
          {errors.roles && <Text className="field-error">{errors.roles}</Text>}
        </View>
        <View className="console-form__field">
          <Text className="console-form__label">初始密码</Text>
          <Input
            className="console-form__input staff-new__password"
            type="password"
            placeholder={`${APP_PASSWORD_MIN}到${APP_PASSWORD_MAX}位，至少三种字符`}
            value={password}
            maxLength={128}
            onChange={setPassword}
          />
          {errors.initialPassword && <Text className="field-error">{errors.initialPassword}</Text>}
        </View>
      </View>
      {errors.form && <Text className="field-error">{errors.form}</Text>}
      <View className="console-actions">
        <Button
          className="staff-new__submit"
          type="primary"
          size="small"
          loading={busy}
          disabled={busy}
          onClick={submit}
        >
          创建账号
        </Button>
      </View>
    </View>
  )
}

function AccountRow({ account: a, self, onChanged }: { account: Account; self: boolean; onChanged: () => unknown }) {
  const { busy, run } = useBusy()
  const [resetting, setResetting] = useState(false)
  const [password, setPassword] = useState('')
  const [error, setError] = useState('')
  const act = (what: () => Promise<unknown>, done: string) =>
    run(
      async () => {
        setError('')
        await what()
        Taro.showToast({ title: done, icon: 'success' })
        setResetting(false)
        setPassword('')
        await onChanged()
      },
      (e) => setError(errorText(e)),
    )
  const toggle = async () => {
    if (!a.disabled) {
      const ok = await Taro.showModal({
        title: '停用账号',
        content: `停用后该账号立即退出且不能登录，确定停用 ${a.username}？`,
      })
      if (!ok.confirm) return
    }
    await act(
      () =>
        a.disabled
          ? staffApi.enableStaff({ id: a.id, version: a.version })
          : staffApi.disableStaff({ id: a.id, version: a.version }),
      a.disabled ? '已启用' : '已停用',
    )
  }
  return (
    <View className={`staff-table__row staff-row staff-row--${a.username}`} role="row">
      <Text className="staff-row__username">{a.username}</Text>
      <Text>{a.name}</Text>
      <Text>{a.roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}</Text>
      <View>
        {a.disabled ? <Tag tone="grey">已停用</Tag> : <Tag tone="green">正常</Tag>}
        {a.mustChangePassword && !a.disabled && <Text className="console-item__meta"> 待修改密码</Text>}
      </View>
      <View className="staff-row__actions">
        {!self && (
          <>
            <Text className="staff-row__toggle console-link" onClick={() => !busy && toggle()}>
              {a.disabled ? '启用' : '停用'}
            </Text>
            <Text className="staff-row__reset console-link" onClick={() => setResetting(!resetting)}>
              重置密码
            </Text>
          </>
        )}
        {self && <Text className="console-item__meta">本人</Text>}
      </View>
      {resetting && (
        <View className="staff-row__reset-form">
          <Input
            className="console-form__input staff-row__new-password"
            type="password"
            placeholder="新的初始密码"
            value={password}
            maxLength={128}
            onChange={setPassword}
          />
          <Button
            size="small"
            type="primary"
            loading={busy}
            onClick={() =>
              act(
                () => staffApi.resetStaffPassword({ id: a.id, version: a.version, newPassword: password }),
                '密码已重置',
              )
            }
          >
            确认重置
          </Button>
        </View>
      )}
      {error && <Text className="field-error staff-row__error">{error}</Text>}
    </View>
  )
}
