import type { ApplicationDetail } from '@gjj/shared/api/application'
import { missingCategories } from '@gjj/shared/catalog'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { api } from '../../../api'
import { Loaded } from '../../../components/Loaded'
import { errorText, firstIssuePath, isRetryable } from '../../../lib/errors'
import { useBusy } from '../../../lib/use-busy'
import { confirm, toast } from '../components/actions'
import { NoticeLink, useNotice } from '../components/Notice'
import { forgetNotice } from '../components/notice-read'
import { ReturnReason } from '../components/ReturnReason'
import { finishAtDetail, useRoutedApplication, withdrawUrl } from '../components/routes'
import { ArchiveCategory } from './ArchiveCategory'
import { newIdempotencyKey } from './idempotency'
import { canPickPdf, pickImages, pickPdf } from './pick-files'
import { isCancel, type PickedFile } from './picked-file'
import { useArchiveUpload } from './use-archive-upload'
import '../components/withdraw.css'
import './index.css'

type Category = ApplicationDetail['archive'][number]
type ArchiveFile = Category['files'][number]

/**
 * manual 5.2.1.1 (5), (6): 档案上传 — every archive category of the application with 必传/非必传,
 * images (compressed on the device) or a PDF per category, a progress bar per file, 删除/替换;
 * 【提交中心审批】 once every required category has a file.
 */
export default function UploadPage() {
  const detail = useRoutedApplication()
  return (
    <View className="page upload">
      <Loaded state={detail} rows={8}>
        {(app) => <UploadView app={app} reload={detail.reload} />}
      </Loaded>
    </View>
  )
}

function UploadView({ app, reload }: { app: ApplicationDetail; reload: () => Promise<void> }) {
  const uploads = useArchiveUpload(app.id, reload)
  const notice = useNotice(app.kind)
  const [categoryErrors, setCategoryErrors] = useState<Record<string, string>>({})
  const { busy: submitting, run } = useBusy()
  const [submitted, setSubmitted] = useState(false)
  /** one key per 提交 tap; kept for the retry after a network failure */
  const pendingKey = useRef<string>()

  const editable = app.availableActions.includes('submit') || app.availableActions.includes('resubmit')
  const missing = missingCategories(
    app.archive,
    app.archive.filter((c) => c.files.length > 0).map((c) => c.key),
  )
  const ready = editable && missing.length === 0 && !uploads.busy

  const choose = async (category: Category, pick: () => Promise<PickedFile[]>, replaces?: ArchiveFile) => {
    let files: PickedFile[]
    try {
      files = await pick()
    } catch (e) {
      if (!isCancel(e)) toast(errorText(e, '未能读取所选文件，请重新选择'))
      return
    }
    if (!files.length) return
    setCategoryErrors(({ [category.key]: _cleared, ...rest }) => rest)
    await uploads.add(category.key, replaces ? files.slice(0, 1) : files, replaces?.id)
  }

  const replace = async (category: Category, file: ArchiveFile) => {
    if (!canPickPdf) return choose(category, () => pickImages(1), file)
    const sheet = await Taro.showActionSheet({ itemList: ['选择图片', '选择PDF文件'] }).catch(() => undefined)
    if (!sheet) return
    await choose(category, sheet.tapIndex === 0 ? () => pickImages(1) : pickPdf, file)
  }

  const remove = async (file: ArchiveFile) => {
    if (!(await confirm(`确定删除“${file.fileName}”吗？`))) return
    try {
      await api.removeArchiveFile({ id: app.id, fileId: file.id })
      await reload()
    } catch (e) {
      toast(errorText(e))
    }
  }

  const submit = async () => {
    if (!notice.read) {
      toast(`请先阅读《${app.notice.title}》`)
      notice.show()
      return
    }
    if (!(await confirm('是否提交中心审批'))) return
    const idempotencyKey = pendingKey.current ?? newIdempotencyKey()
    pendingKey.current = idempotencyKey
    await run(
      async () => {
        await api.submitApplication({ id: app.id, idempotencyKey, noticeAcknowledged: true })
        pendingKey.current = undefined
        setSubmitted(true)
        forgetNotice(app.kind)
        Taro.showToast({ title: '已提交中心审批', icon: 'success', duration: 1500 })
        setTimeout(() => finishAtDetail(app.id), 1500)
      },
      async (e) => {
        if (!isRetryable(e)) pendingKey.current = undefined
        const [field, category] = firstIssuePath(e) ?? []
        if (field === 'archive' && typeof category === 'string') {
          setCategoryErrors({ [category]: errorText(e) })
          await reload()
        }
        toast(isRetryable(e) ? `${errorText(e)}，可再次点击提交` : errorText(e))
      },
    )
  }

  return (
    <>
      {app.status === 'returned' && <ReturnReason reason={app.returnReason} />}
      <Text className="upload__intro">
        {app.kindName}：请按分类上传档案材料，标注“必传”的须全部上传。支持 JPG、PNG 图片
        {canPickPdf ? '或 PDF 文件' : ''}
        ，每个文件不超过10MB。
      </Text>
      {!editable && (
        <View className="wd-alert wd-alert--info">
          <Text>该申请{app.statusLabel}，档案材料不能修改。</Text>
        </View>
      )}
      {app.archive.map((c) => (
        <ArchiveCategory
          key={c.key}
          category={c}
          uploads={uploads.items.filter((u) => u.category === c.key)}
          editable={editable}
          busy={uploads.busy || submitting}
          canPickPdf={canPickPdf}
          error={categoryErrors[c.key]}
          onPickImages={() => choose(c, () => pickImages(9))}
          onPickPdf={() => choose(c, pickPdf)}
          onReplace={(f) => replace(c, f)}
          onRemove={remove}
          onRetry={uploads.retry}
          onDismiss={(u) => uploads.dismiss(u.key)}
        />
      ))}
      {editable && (
        <>
          <NoticeLink notice={app.notice} state={notice} />
          {missing.length > 0 && (
            <Text className="upload__missing">请上传必传档案：{missing.map((c) => c.name).join('、')}</Text>
          )}
          <View className="wd-actions">
            <Button
              block
              type="primary"
              className="upload__submit"
              loading={submitting}
              disabled={!ready || submitting || submitted}
              onClick={submit}
            >
              提交中心审批
            </Button>
          </View>
        </>
      )}
      {!editable && (
        <View className="wd-actions">
          <Button
            block
            type="primary"
            fill="outline"
            onClick={() => Taro.redirectTo({ url: withdrawUrl.detail(app.id) })}
          >
            查看办理进度
          </Button>
        </View>
      )}
    </>
  )
}
