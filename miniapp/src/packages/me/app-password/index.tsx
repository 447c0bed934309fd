import { appPasswordRules, checkAppPassword } from '@gjj/shared/validation'
import { api } from '../../../api'
import { RuleList } from '../../../components/FormField'
import { PasswordChangeForm } from '../password-form'

/** manual 7.4.1: the password of the APP, 微信 and 网厅 logins */
export default function AppPasswordPage() {
  return (
    <PasswordChangeForm
      policy={checkAppPassword}
      rules={(pw, old) => (
        <RuleList rules={[...appPasswordRules(pw), { rule: '不能与旧密码相同', ok: pw !== '' && pw !== old }]} />
      )}
      save={(input) => api.changePassword(input)}
      done="密码已修改，请牢记新密码；其他设备上的登录已退出。"
      note="新密码用于手机公积金、微信和网上服务大厅登录。修改后，其他设备上的登录将退出。"
    />
  )
}
