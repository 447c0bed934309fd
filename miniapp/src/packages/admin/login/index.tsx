import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { fieldErrors } from '../../../lib/errors'
import { useBusy } from '../../../lib/use-busy'
import { AdminPage } from '../components/AdminPage'
import { afterLogin } from '../components/routes'
import { staffApi, staffSession } from '../components/staff-api'
import './index.css'

type Errors = { username?: string; password?: string; form?: string }

/** 审批管理后台登录: username + password; afterwards the page the staff member came from, or the first their roles open */
export default function AdminLoginPage() {
  const { params } = useRouter()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const { busy, run } = useBusy()

  // already signed in (a second tab, the back button): straight on
  useEffect(() => {
    if (!staffSession.token) return
    staffApi
      .staffMe()
      .then((me) => Taro.redirectTo({ url: afterLogin(params.redirect, me.roles, me.mustChangePassword) }))
      .catch(() => staffSession.clear())
  }, [params.redirect])

  const submit = async () => {
    if (busy) return
    if (!username.trim()) return setErrors({ username: '请输入用户名' })
    if (!password) return setErrors({ password: '请输入密码' })
    setErrors({})
    await run(
      async () => {
        const res = await staffApi.staffLogin({ username: username.trim(), password })
        staffSession.set(res.session.token)
        Taro.showToast({ title: '登录成功', icon: 'success' })
        Taro.redirectTo({ url: afterLogin(params.redirect, res.staff.roles, res.staff.mustChangePassword) })
      },
      (e) => {
        setErrors(fieldErrors(e, ['username', 'password']))
        setPassword('')
      },
    )
  }

  return (
    <AdminPage className="admin-login">
      <View className="admin-login__banner">
        <Text className="admin-login__title">业务管理控制台</Text>
        <Text className="admin-login__subtitle">住房公积金中心工作人员登录</Text>
      </View>
      <View className="admin-login__wrap">
        <View className="admin-login__card">
          <View className="admin-login__field">
            <Text className="admin-login__label">用户名</Text>
            <Input
              className="admin-login__username"
              placeholder="请输入用户名"
              value={username}
              maxLength={64}
              onChange={setUsername}
              onConfirm={submit}
            />
          </View>
          {errors.username && <Text className="field-error">{errors.username}</Text>}
          <View className="admin-login__field">
            <Text className="admin-login__label">密码</Text>
            <Input
              className="admin-login__password"
              type="password"
              placeholder="请输入密码"
              value={password}
              maxLength={128}
              onChange={setPassword}
              onConfirm={submit}
            />
          </View>
          {errors.password && <Text className="field-error">{errors.password}</Text>}
          {errors.form && <Text className="field-error admin-login__form-error">{errors.form}</Text>}
          <View className="admin-login__submit">
            <Button block type="primary" loading={busy} disabled={busy} onClick={submit}>
              登录
            </Button>
          </View>
          <Text className="admin-login__hint">仅限公积金中心工作人员使用；连续输错5次密码将锁定30分钟</Text>
        </View>
      </View>
    </AdminPage>
  )
}
