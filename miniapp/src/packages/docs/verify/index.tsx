import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import type { ApiRequestError } from '../../../api/client'
import { FormField } from '../../../components/FormField'
import { Rows } from '../../../components/Rows'
import { errorText } from '../../../lib/errors'
import { formatInstant } from '../../../lib/format'
import { useBusy } from '../../../lib/use-busy'
import '../docs.css'

type Verified = Awaited<ReturnType<typeof api.verifyDocument>>

const WORDS = {
  valid: { word: '真实有效', note: '本证明由公积金中心签发，内容与签发时一致', tone: 'valid' },
  expired: { word: '已过期', note: '本证明真实签发，但已超过有效期，请重新开具', tone: 'warn' },
  revoked: { word: '已作废', note: '本证明已被作废，不能作为证明使用', tone: 'bad' },
} as const

/**
 * 电子证明验证: the page a document's QR code opens, for anyone (a bank, an employer), without
 * login. With the right number and code it shows the document's key facts and whether it is
 * genuine (真实有效), expired or revoked; anything else is "无法验证", whatever was wrong.
 */
export default function VerifyPage() {
  const params = useRouter().params
  const [number, setNumber] = useState((params.number ?? '').toUpperCase())
  const [code, setCode] = useState((params.code ?? '').toUpperCase())
  const [result, setResult] = useState<Verified | undefined>()
  const [failure, setFailure] = useState<string | undefined>()
  const { busy, run } = useBusy()

  const check = (n = number, c = code) =>
    run(
      async () => {
        setFailure(undefined)
        setResult(await api.verifyDocument({ number: n.trim().toUpperCase(), code: c.trim().toUpperCase() }))
      },
      (e) => {
        setResult(undefined)
        const status = (e as ApiRequestError).status
        setFailure(status === 429 ? errorText(e) : '无法验证')
      },
    )

  // opened from a QR code: check straight away
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, with the address's number and code
  useEffect(() => {
    if (params.number && params.code) check(params.number, params.code)
  }, [])

  const words = result ? WORDS[result.status] : undefined
  return (
    <View className="page docs">
      {words && result && (
        <>
          <View className={`docs__status docs__status--${words.tone}`}>
            <Text className="docs__status-word">{words.word}</Text>
            <Text className="docs__status-note">{words.note}</Text>
          </View>
          <Rows
            rows={[
              ['证明类型', result.title],
              ['证明编号', result.number],
              ['签发机构', result.centerName],
              ['开具时间', formatInstant(result.issuedAt)],
              ['有效期至', result.validUntil],
              ...result.facts.map((f) => [f.label, f.value] as [string, string]),
            ]}
          />
          <Text className="docs__hash">
            文件指纹（SHA-256）：{result.sha256}。持有的 PDF 文件计算出的指纹与此一致，即未被修改。
          </Text>
        </>
      )}
      {failure && (
        <View className="docs__status docs__status--bad">
          <Text className="docs__status-word">{failure === '无法验证' ? '无法验证' : '请稍后再试'}</Text>
          <Text className="docs__status-note">
            {failure === '无法验证' ? '证明编号或验证码不正确，请核对证明上的编号和验证码' : failure}
          </Text>
        </View>
      )}
      <View className="docs__form">
        <FormField label="证明编号">
          <Input value={number} placeholder="ZM 开头的18位编号" onChange={(v) => setNumber(v)} />
        </FormField>
        <FormField label="验证码">
          <Input value={code} placeholder="证明上的8位验证码" onChange={(v) => setCode(v)} />
        </FormField>
      </View>
      <View className="docs__actions">
        <Button type="primary" block loading={busy} disabled={!number || !code} onClick={() => check()}>
          验证
        </Button>
      </View>
    </View>
  )
}
