import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../api'
import { FormField } from '../../../components/FormField'
import { Loaded } from '../../../components/Loaded'
import { Rows } from '../../../components/Rows'
import { type FieldErrors, fieldErrors } from '../../../lib/errors'
import { yuan } from '../../../lib/format'
import { useBusy } from '../../../lib/use-busy'
import { useRequest } from '../../../lib/use-request'
import { NoticeLink, useNotice } from '../components/Notice'
import { ReturnReason } from '../components/ReturnReason'
import { withdrawUrl } from '../components/routes'
import { type ApplyContext, loadApplyContext } from './apply-context'
import {
  ALL_FIELDS,
  type ApplyForm,
  amountCapFen,
  checkStepOne,
  emptyForm,
  FIELD_PATH,
  formFrom,
  isClosing,
  STEP_ONE_FIELDS,
  stepOneRows,
  toData,
} from './apply-form'
import { BankCardField } from './BankCardField'
import { Blocked } from './Blocked'
import { KindFields } from './KindFields'
import '../components/withdraw.css'
import './index.css'

/**
 * manual 5.2.1: one withdrawal's form. Closing kinds (离、退休 / 终止劳动关系) show the server's
 * figures; the partial kinds take 提取信息 first, then 【下一步】 to 提取金额 and 收款银行账号.
 * 【上传档案】 saves the draft and opens 档案上传. With `id` it edits a draft or a returned
 * application (修改重新上传).
 */
export default function ApplyPage() {
  const { params } = useRouter()
  const ctx = useRequest(() => loadApplyContext(params.kind, params.id))
  const title = ctx.data && ('blocked' in ctx.data ? ctx.data.title : ctx.data.name)
  useEffect(() => {
    if (title) Taro.setNavigationBarTitle({ title })
  }, [title])

  return (
    <View className="page apply">
      <Loaded state={ctx}>
        {(c) =>
          'blocked' in c ? <Blocked reason={c.reason} applicationId={c.applicationId} /> : <ApplyFormView ctx={c} />
        }
      </Loaded>
    </View>
  )
}

function ApplyFormView({ ctx }: { ctx: ApplyContext }) {
  const { kind, quote, app } = ctx
  const closing = isClosing(kind)
  const [form, setForm] = useState<ApplyForm>(() => (app ? formFrom(app.data, app.bankCard?.id) : emptyForm))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [step, setStep] = useState<1 | 2>(closing ? 2 : 1)
  const [savedId, setSavedId] = useState(app?.id)
  const { busy, run } = useBusy()
  const notice = useNotice(kind)

  const set = (key: keyof ApplyForm) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors(({ [FIELD_PATH[key]]: _cleared, form: _form, ...rest }) => rest)
  }

  const show = (next: FieldErrors) => {
    setErrors(next)
    if (!closing && STEP_ONE_FIELDS[kind].some((f) => next[f])) setStep(1)
  }

  const next = () => {
    const found = checkStepOne(kind, form, ctx.bounds?.limits)
    setErrors(found)
    if (Object.keys(found).length === 0) setStep(2)
  }

  /** 【上传档案】: save the draft, then upload its archive */
  const save = async () => {
    const checked = toData(kind, form, ctx.bounds)
    if (!checked.ok) return show(checked.errors)
    await run(
      async () => {
        const saved = savedId
          ? await api.updateApplication({ ...checked.data, id: savedId })
          : await api.createApplication(checked.data)
        setSavedId(saved.id)
        Taro.navigateTo({ url: withdrawUrl.upload(saved.id) })
      },
      (e) => show(fieldErrors(e, ALL_FIELDS)),
    )
  }

  return (
    <>
      {app?.status === 'returned' && <ReturnReason reason={app.returnReason} />}
      {!closing && (
        <View className="apply__steps">
          <Text className={step === 1 ? 'apply__step--on' : ''}>① 提取信息</Text>
          <View className="apply__line" />
          <Text className={step === 2 ? 'apply__step--on' : ''}>② 提取金额</Text>
        </View>
      )}

      {step === 1 && (
        <>
          <View className="wd-card">
            <KindFields kind={kind} form={form} errors={errors} set={set} />
          </View>
          <View className="wd-actions">
            <Button block type="primary" className="apply__next" onClick={next}>
              下一步
            </Button>
          </View>
        </>
      )}

      {step === 2 && (
        <>
          {quote && (
            <>
              <Rows
                rows={[
                  ['提取人姓名', quote.holderName],
                  ['提取人证件号码', quote.idNumberMasked],
                  ['个人账户余额', yuan(quote.balanceFen)],
                  ['销户利息', yuan(quote.closingInterestFen)],
                  ['提取金额合计', yuan(quote.totalFen)],
                ]}
              />
              <Text className="apply__hint">
                销户利息计息期间：{quote.interestFrom} 至 {quote.interestTo}；提取金额以中心审批时核算为准。
              </Text>
            </>
          )}
          {!closing && (
            <>
              <Rows rows={stepOneRows(kind, form)} />
              <View className="apply__edit">
                <Text className="wd-link" onClick={() => setStep(1)}>
                  修改提取信息
                </Text>
              </View>
            </>
          )}
          <View className="wd-card">
            {!closing && (
              <FormField
                label="提取金额（元）"
                error={errors.amountFen}
                hint={ctx.bounds ? `可提取金额上限 ${yuan(amountCapFen(kind, form, ctx.bounds))}` : undefined}
              >
                <Input
                  className="apply__amount"
                  type="digit"
                  placeholder="请输入提取金额"
                  value={form.amount}
                  maxLength={14}
                  onChange={set('amount')}
                />
              </FormField>
            )}
            <BankCardField value={form.bankCardId} onChange={set('bankCardId')} error={errors.bankCardId} />
          </View>
          <NoticeLink notice={ctx.notice} state={notice} />
          {errors.form && <View className="wd-form-error">{errors.form}</View>}
          <View className="wd-actions">
            <Button block type="primary" className="apply__upload" loading={busy} disabled={busy} onClick={save}>
              上传档案
            </Button>
            {!closing && (
              <Button block type="primary" fill="outline" onClick={() => setStep(1)}>
                上一步
              </Button>
            )}
          </View>
        </>
      )}
    </>
  )
}
