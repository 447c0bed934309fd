import type { BankCardInfo } from '@gjj/shared/api/bank-card'
import { Button, Cell, Popup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { api } from '../../../api'
import { FormField } from '../../../components/FormField'
import { Loaded } from '../../../components/Loaded'
import { useRequest } from '../../../lib/use-request'
import { toast } from '../components/actions'
import { AddBankCardPopup } from './AddBankCard'
import { SelectValue } from './Field'
import '../components/withdraw.css'

/** the chosen card: a narrow row wraps after the bank's name, never inside the card number */
function CardValue({ card }: { card: Pick<BankCardInfo, 'bankName' | 'cardNoMasked'> }) {
  return (
    <>
      {card.bankName} <Text className="wd-select__card-no">{card.cardNoMasked}</Text>
    </>
  )
}

/**
 * 收款银行账号 (manual 5.2.1.1 (3)): choose one of the person's own cards with 【取消】/【确定】,
 * or 添加新银行卡; a new card is chosen at once.
 */
export function BankCardField({
  value,
  onChange,
  error,
}: {
  value: string
  onChange: (bankCardId: string) => void
  error?: string
}) {
  const cards = useRequest(() => api.listBankCards().then((r) => r.cards))
  const [choosing, setChoosing] = useState(false)
  const [adding, setAdding] = useState(false)
  const [pending, setPending] = useState(value)
  const chosen = cards.data?.find((c) => c.id === value)

  const open = () => {
    setPending(value)
    setChoosing(true)
  }

  return (
    <>
      <Popup visible={choosing} position="bottom" round title="选择收款银行账号" onClose={() => setChoosing(false)}>
        <View className="wd-popup wd-cards">
          <View className="wd-popup__body">
            <Loaded state={cards} rows={3} plain>
              {(list) =>
                list.length === 0 ? (
                  <View className="empty wd-cards__empty">您还没有收款银行卡，请添加新银行卡</View>
                ) : (
                  list.map((c) => (
                    <Cell
                      key={c.id}
                      className={`wd-cards__item${c.id === pending ? ' wd-cards__item--on' : ''}`}
                      title={c.bankName}
                      description={c.cardNoMasked}
                      extra={c.id === pending ? <Text className="wd-link">✓</Text> : undefined}
                      clickable
                      onClick={() => setPending(c.id)}
                    />
                  ))
                )
              }
            </Loaded>
            <Cell
              className="wd-cards__add"
              title={<Text className="wd-link">＋ 添加新银行卡</Text>}
              clickable
              onClick={() => {
                setChoosing(false)
                setAdding(true)
              }}
            />
          </View>
          <View className="wd-actions">
            <View className="wd-actions__row">
              <Button fill="outline" type="primary" onClick={() => setChoosing(false)}>
                取消
              </Button>
              <Button
                type="primary"
                className="wd-cards__confirm"
                disabled={!pending}
                onClick={() => {
                  onChange(pending)
                  setChoosing(false)
                }}
              >
                确定
              </Button>
            </View>
          </View>
        </View>
      </Popup>
      <AddBankCardPopup
        visible={adding}
        onClose={() => setAdding(false)}
        onBack={() => {
          setAdding(false)
          setChoosing(true)
        }}
        onAdded={(card) => {
          setAdding(false)
          onChange(card.id)
          toast('银行卡添加成功', 'success')
          void cards.reload()
        }}
      />
      {/* last in its card (the popups above stay mounted once opened), so it has no bottom border */}
      <FormField label="收款银行账号" error={error}>
        <SelectValue
          value={chosen ? <CardValue card={chosen} /> : value && cards.loading ? '加载中…' : ''}
          placeholder="点击选择银行账号"
          onClick={open}
        />
      </FormField>
    </>
  )
}
