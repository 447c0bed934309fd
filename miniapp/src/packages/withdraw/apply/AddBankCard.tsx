import type { BankCardInfo } from '@gjj/shared/api/bank-card'
import { checkBankCard } from '@gjj/shared/validation'
import { Button, Input, Picker, Popup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { type ComponentProps, useState } from 'react'
import { api } from '../../../api'
import { FormField } from '../../../components/FormField'
import { type FieldErrors, fieldErrors } from '../../../lib/errors'
import { useBusy } from '../../../lib/use-busy'
import { SelectValue } from './Field'
import '../components/withdraw.css'

/** the common banks of Xinjiang offered for 收款银行 */
export const COMMON_BANKS = [
  '中国工商银行',
  '中国农业银行',
  '中国银行',
  '中国建设银行',
  '交通银行',
  '中国邮政储蓄银行',
  '新疆农村信用社',
  '乌鲁木齐银行',
  '昆仑银行',
  '招商银行',
] as const

/** the bank picker opens above the 添加新银行卡 popup (zIndex 1200) */
const ABOVE_ADD_POPUP = { zIndex: 1300 } as unknown as ComponentProps<typeof Picker>['popupProps']

const BANK_OPTIONS = [COMMON_BANKS.map((b) => ({ label: b, value: b }))]

/**
 * 添加新银行卡 (manual 5.2.1.1 (3)): 收款银行账号 (checked here: 16–19 digits with a valid Luhn check
 * digit) and 收款银行 from the list; 【添加】 saves it, 【返回】 leaves without saving.
 */
export function AddBankCardPopup({
  visible,
  onAdded,
  onBack,
  onClose,
}: {
  visible: boolean
  onAdded: (card: BankCardInfo) => void
  /** 【返回】: back to choosing a card */
  onBack: () => void
  /** the popup closed (also after 添加 or 返回) */
  onClose: () => void
}) {
  const [cardNo, setCardNo] = useState('')
  const [bankName, setBankName] = useState('')
  const [picking, setPicking] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const { busy, run } = useBusy()

  const reset = () => {
    setCardNo('')
    setBankName('')
    setErrors({})
  }

  const add = async () => {
    const checked = checkBankCard(cardNo)
    const next: FieldErrors = {}
    if (!checked.ok) next.cardNo = checked.message
    if (!bankName) next.bankName = '请选择收款银行'
    setErrors(next)
    if (!checked.ok || !bankName) return
    await run(
      async () => {
        const card = await api.addBankCard({ cardNo: checked.value, bankName })
        reset()
        onAdded(card)
      },
      (e) => setErrors(fieldErrors(e, ['cardNo', 'bankName'])),
    )
  }

  return (
    <>
      <Popup
        visible={visible}
        position="bottom"
        round
        zIndex={1200}
        title="添加新银行卡"
        onClose={() => {
          reset()
          onClose()
        }}
      >
        <View className="wd-popup wd-add-card">
          <FormField label="收款银行账号" error={errors.cardNo}>
            <Input
              className="wd-add-card__no"
              type="number"
              placeholder="请输入本人名下借记卡卡号"
              value={cardNo}
              maxLength={19}
              onChange={setCardNo}
            />
          </FormField>
          <FormField label="收款银行" error={errors.bankName}>
            <SelectValue value={bankName} placeholder="请选择收款银行" onClick={() => setPicking(true)} />
          </FormField>
          {errors.form && <View className="wd-form-error">{errors.form}</View>}
          <View className="wd-actions">
            <View className="wd-actions__row">
              <Button fill="outline" type="primary" onClick={onBack}>
                返回
              </Button>
              <Button type="primary" className="wd-add-card__submit" loading={busy} disabled={busy} onClick={add}>
                添加
              </Button>
            </View>
          </View>
        </View>
      </Popup>
      <Picker
        visible={picking}
        title="收款银行"
        options={BANK_OPTIONS}
        popupProps={ABOVE_ADD_POPUP}
        onConfirm={(_options, values) => {
          setBankName(String(values[0] ?? COMMON_BANKS[0]))
          setErrors(({ bankName: _dropped, ...rest }) => rest)
        }}
        onClose={() => setPicking(false)}
      />
    </>
  )
}
