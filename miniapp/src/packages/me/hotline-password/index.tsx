import { checkHotlinePassword } from '@gjj/shared/validation'
import { api } from '../../../api'
import { RuleList } from '../../../components/FormField'
import { PasswordChangeForm } from '../password-form'

/** manual 7.4.2: the 6-digit password of the 12329 hotline and the hall's touch screens */
export default function HotlinePasswordPage() {
  return (
    <PasswordChangeForm
      digits
      policy={checkHotlinePassword}
      rules={(pw) => (
        <RuleList
          rules={[
            { rule: '6位数字', ok: /^\d{6}$/.test(pw) },
            {
              rule: '不能是相同或连续的数字（如111111、123456）',
              ok: /^\d{6}$/.test(pw) && checkHotlinePassword(pw).ok,
            },
            { rule: '不能是身份证号码中的出生日期' },
          ]}
        />
      )}
      save={(input) => api.changeHotlinePassword(input)}
      done="12329语音热线、触摸屏密码已修改，请牢记新密码。"
      note="该密码用于拨打12329语音热线和在服务大厅触摸屏查询。"
    />
  )
}
