import { Dialog, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { type ReactNode, useEffect, useState } from 'react'

export const REVIEW_TEXT_MAX = 200

/** what a submit came to: done (the dialog closes) or errors to show in it */
export type SubmitOutcome = { done: true } | { done: false; field?: string; form?: string }

interface Props {
  visible: boolean
  title: string
  /** what the action does, above the text box */
  message: ReactNode
  placeholder: string
  /** the text box must not be empty (退回原因) */
  required?: string
  confirmText: string
  onSubmit: (text: string) => Promise<SubmitOutcome>
  onClose: () => void
  /** common texts a tap puts in the box (常用退回原因); the box stays editable */
  suggestions?: readonly string[]
}

/**
 * A confirm dialog with a text box of at most 200 characters (审批意见 / 退回原因). NutUI's Dialog
 * shows the confirm button loading while onConfirm runs, closes when it resolves and stays open
 * when it rejects: a rejection here means "errors are shown, let the reviewer fix them".
 */
export function ReviewDialog({
  visible,
  title,
  message,
  placeholder,
  required,
  confirmText,
  onSubmit,
  onClose,
  suggestions = [],
}: Props) {
  const [text, setText] = useState('')
  const [errors, setErrors] = useState<{ field?: string; form?: string }>({})

  useEffect(() => {
    if (visible) {
      setText('')
      setErrors({})
    }
  }, [visible])

  // keyboard: Ctrl/⌘+Enter (or Enter outside the text box) confirms, Esc cancels. Listened to in
  // the capture phase: Taro's text box stops its keydown events from bubbling.
  useEffect(() => {
    if (!visible) return
    const onKey = (e: KeyboardEvent) => {
      const inText = (e.target as HTMLElement | null)?.tagName === 'TEXTAREA'
      if (e.key === 'Escape') onClose()
      else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || !inText)) {
        e.preventDefault()
        e.stopPropagation()
        // as the dialog's own button: closes when done, stays open showing the errors otherwise
        confirm().then(onClose, () => {})
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  })

  const confirm = async () => {
    const value = text.trim()
    if (required && !value) {
      setErrors({ field: required })
      throw new Error(required)
    }
    if (value.length > REVIEW_TEXT_MAX) {
      setErrors({ field: `不能超过${REVIEW_TEXT_MAX}个字` })
      throw new Error('too long')
    }
    setErrors({})
    const outcome = await onSubmit(value)
    if (!outcome.done) {
      setErrors(outcome)
      throw new Error(outcome.field ?? outcome.form)
    }
  }

  return (
    <Dialog
      className="review-dialog"
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText="取消"
      closeOnOverlayClick={false}
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="review-dialog__body">
        <Text className="review-dialog__message">{message}</Text>
        {suggestions.length > 0 && (
          <View className="review-dialog__suggestions">
            {suggestions.map((r) => (
              <Text key={r} className="review-dialog__suggestion" onClick={() => setText(r)}>
                {r}
              </Text>
            ))}
          </View>
        )}
        <TextArea
          className={`review-dialog__text${errors.field ? ' review-dialog__text--error' : ''}`}
          value={text}
          placeholder={placeholder}
          maxLength={REVIEW_TEXT_MAX}
          showCount
          rows={4}
          fixed
          // a reason is what the dialog is for: the keyboard is in the box at once (an approval's
          // optional opinion is not focused, so Enter confirms it)
          focus={visible && Boolean(required)}
          onChange={(v) => {
            setText(v)
            if (errors.field) setErrors({})
          }}
        />
        {errors.field && <Text className="field-error review-dialog__error">{errors.field}</Text>}
        {errors.form && <Text className="field-error review-dialog__error">{errors.form}</Text>}
      </View>
    </Dialog>
  )
}
