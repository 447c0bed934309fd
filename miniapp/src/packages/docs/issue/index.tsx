import type { DocumentKind, IssuedDocument } from '@gjj/shared/api/documents'
import { WITHDRAWAL_KINDS } from '@gjj/shared/catalog'
import { Button, Switch } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../api'
import { Loaded } from '../../../components/Loaded'
import { Rows } from '../../../components/Rows'
import { errorText } from '../../../lib/errors'
import { formatInstant, yuan } from '../../../lib/format'
import { useBusy } from '../../../lib/use-busy'
import { useRequest } from '../../../lib/use-request'
import { openPdf } from '../lib/open-pdf'
import '../docs.css'

interface Choice {
  kind: DocumentKind
  subjectId?: string
  title: string
  note: string
  /** why it cannot be issued now */
  reason?: string
}

/**
 * 我 → 证明开具: 缴存使用证明, 贷款结清证明 (a 结清 loan), 提取业务回单 (an approved withdrawal).
 * The server makes the PDF; here the person chooses, previews its facts, and opens/saves/shares it.
 */
export default function IssuePage() {
  const options = useRequest(async () => {
    const [{ loan }, approved] = await Promise.all([
      api.getLoan({}),
      api.listMyApplications({ status: 'approved', limit: 50 }),
    ])
    const withdrawals = approved.items.filter((a) => (WITHDRAWAL_KINDS as readonly string[]).includes(a.kind))
    const choices: Choice[] = [
      {
        kind: 'deposit',
        title: '个人住房公积金缴存使用证明',
        note: '账户状态、缴存基数和月缴存额、缴至年月、余额、贷款情况',
      },
      loan
        ? {
            kind: 'loanSettled',
            subjectId: loan.loanNo,
            title: '贷款结清证明',
            note: `贷款编号 ${loan.loanNo}`,
            ...(loan.status === 'settled' ? {} : { reason: '贷款尚未结清，结清后可开具' }),
          }
        : { kind: 'loanSettled', title: '贷款结清证明', note: '', reason: '您暂无公积金贷款' },
      ...(withdrawals.length
        ? withdrawals.map((w) => ({
            kind: 'withdrawalReceipt' as const,
            subjectId: w.id,
            title: `提取业务回单：${w.kindName}`,
            note: `${w.amountFen === null ? '' : yuan(w.amountFen)}，${formatInstant(w.updatedAt).slice(0, 10)} 审批通过`,
          }))
        : [{ kind: 'withdrawalReceipt' as const, title: '提取业务回单', note: '', reason: '暂无审批通过的提取业务' }]),
    ]
    return choices
  })
  const [chosen, setChosen] = useState(0)
  const [fullId, setFullId] = useState(false)
  const [issued, setIssued] = useState<IssuedDocument | undefined>()
  const { busy, run } = useBusy()

  const issue = (choice: Choice) =>
    run(
      async () => {
        setIssued(
          await api.issueDocument({
            kind: choice.kind,
            ...(choice.subjectId ? { subjectId: choice.subjectId } : {}),
            fullIdNumber: fullId,
          }),
        )
      },
      (e) => Taro.showModal({ title: '开具失败', content: errorText(e), showCancel: false }),
    )

  const open = (doc: IssuedDocument) =>
    openPdf(doc.pdfUrl, `${doc.title}-${doc.number}.pdf`).catch((e) =>
      Taro.showToast({ title: errorText(e, '打开失败，请重试'), icon: 'none' }),
    )

  return (
    <View className="page docs">
      {issued ? (
        <>
          <View className="docs__result">
            <Text className="docs__result-title">{issued.title}</Text>
            <Text className="docs__result-line">证明编号：{issued.number}</Text>
            <Text className="docs__result-line">验证码：{issued.verificationCode}</Text>
            <Text className="docs__result-line">
              开具时间：{formatInstant(issued.issuedAt)}　有效期至：{issued.validUntil}
            </Text>
            {issued.reused && <Text className="docs__result-line">今天已开具过，以下为同一份证明</Text>}
          </View>
          <Rows rows={issued.facts.map((f) => [f.label, f.value] as [string, string])} />
          <Text className="docs__hash">
            PDF {Math.ceil(issued.sizeBytes / 1024)} KB，文件指纹（SHA-256）：{issued.sha256}
          </Text>
          <View className="docs__actions">
            <Button type="primary" block onClick={() => open(issued)}>
              查看 / 保存 PDF
            </Button>
            <Button block onClick={() => Taro.setClipboardData({ data: issued.verifyUrl })}>
              复制验证链接
            </Button>
            <Button block fill="none" onClick={() => setIssued(undefined)}>
              开具其他证明
            </Button>
          </View>
        </>
      ) : (
        <Loaded state={options} rows={4}>
          {(choices) => {
            const current = choices[chosen]
            return (
              <>
                <View className="docs__kinds">
                  {choices.map((c, i) => (
                    <View
                      key={`${c.kind}-${c.subjectId ?? ''}`}
                      className={`docs__kind${i === chosen ? ' docs__kind--on' : ''}${c.reason ? ' docs__kind--off' : ''}`}
                      onClick={() => (c.reason ? Taro.showToast({ title: c.reason, icon: 'none' }) : setChosen(i))}
                    >
                      <Text className="docs__kind-title">{c.title}</Text>
                      <Text className="docs__kind-note">{c.reason ?? c.note}</Text>
                    </View>
                  ))}
                </View>
                <View className="docs__option">
                  <Text>显示完整身份证号（银行要求时）</Text>
                  <Switch checked={fullId} onChange={(v) => setFullId(v)} />
                </View>
                <View className="docs__actions">
                  <Button
                    type="primary"
                    block
                    loading={busy}
                    disabled={!current || Boolean(current.reason)}
                    onClick={() => current && issue(current)}
                  >
                    开具证明
                  </Button>
                </View>
              </>
            )
          }}
        </Loaded>
      )}
    </View>
  )
}
