import { Button, Input } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { FormField } from './FormField'

/**
 * 【获取验证码】 with its 60-second countdown. `send` asks the server for a code and answers how long
 * until the next one may be asked for (the server's resendAfterSeconds, or its 429's wait).
 */
export function SmsCodeButton({ send, disabled }: { send: () => Promise<number | undefined>; disabled?: boolean }) {
  const [left, setLeft] = useState(0)
  const [sending, setSending] = useState(false)

  useEffect(() => {
    if (left <= 0) return
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000)
    return () => clearTimeout(timer)
  }, [left])

  const tap = async () => {
    if (sending || left > 0) return
    setSending(true)
    try {
      const wait = await send()
      if (wait) setLeft(wait)
    } finally {
      setSending(false)
    }
  }

  return (
    <Button
      className="sms-button"
      size="small"
      type="primary"
      fill="outline"
      disabled={disabled || sending || left > 0}
      loading={sending}
      onClick={tap}
    >
      {left > 0 ? `${left}秒后重新获取` : '获取验证码'}
    </Button>
  )
}

/** the 验证码 row of a form: six digits typed, 【获取验证码】 at its end, the server's error below */
export function SmsCodeField({
  className,
  value,
  onChange,
  send,
  error,
}: {
  className: string
  value: string
  onChange: (value: string) => void
  send: () => Promise<number | undefined>
  error?: string | undefined
}) {
  return (
    <FormField label="验证码" error={error} extra={<SmsCodeButton send={send} />}>
      <Input className={className} type="digit" placeholder="请输入" value={value} onChange={onChange} maxLength={6} />
    </FormField>
  )
}
