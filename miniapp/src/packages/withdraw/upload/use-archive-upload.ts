import { MAX_ARCHIVE_FILE_BYTES } from '@gjj/shared/catalog'
import { useRef, useState } from 'react'
import { api, uploadToPresignedPost } from '../../../api'
import { errorText } from '../../../lib/errors'
import { toast } from '../components/actions'
import type { PickedFile } from './picked-file'

export interface UploadItem {
  key: string
  category: string
  file: PickedFile
  /** the uploaded file this one replaces (removed once this one is up) */
  replaces?: string
  percent: number
  state: 'waiting' | 'uploading' | 'done' | 'failed'
  error?: string
}

/** why a chosen file cannot be uploaded, or undefined */
export function refusal(file: PickedFile): string | undefined {
  if (file.size > MAX_ARCHIVE_FILE_BYTES) return `“${file.name}”超过10MB，请压缩后重新选择`
  if (file.size <= 0) return `“${file.name}”是空文件，请重新选择`
  return undefined
}

/**
 * Archive upload (manual 5.2.1.1 (6)): each chosen file is registered with requestUploadUrl, then
 * posted straight to storage with a progress bar; a failed post unregisters the file again and
 * offers 重试. `onUploaded` reloads the application once a batch is through.
 */
export function useArchiveUpload(applicationId: string, onUploaded: () => Promise<unknown>) {
  const [items, setItems] = useState<UploadItem[]>([])
  const seq = useRef(0)

  const patch = (key: string, p: Partial<UploadItem>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)))

  const uploadOne = async (item: UploadItem) => {
    patch(item.key, { state: 'uploading', percent: 0, error: undefined })
    let fileId: string | undefined
    try {
      const target = await api.requestUploadUrl({
        id: applicationId,
        category: item.category,
        fileName: item.file.name.slice(0, 100),
        contentType: item.file.contentType,
        size: item.file.size,
      })
      fileId = target.fileId
      await uploadToPresignedPost({
        url: target.url,
        fields: target.fields,
        filePath: item.file.path,
        onProgress: (percent) => patch(item.key, { percent: Math.min(99, percent) }),
      })
      if (item.replaces)
        await api.removeArchiveFile({ id: applicationId, fileId: item.replaces }).catch(() => undefined)
      patch(item.key, { state: 'done', percent: 100 })
    } catch (e) {
      // the file was registered but never arrived: take it off the application again
      if (fileId) void api.removeArchiveFile({ id: applicationId, fileId }).catch(() => undefined)
      patch(item.key, { state: 'failed', error: errorText(e, '文件上传失败，请重试') })
    }
  }

  const settle = async () => {
    await onUploaded()
    setItems((list) => list.filter((i) => i.state !== 'done'))
  }

  /** uploads the chosen files of a category one after another */
  const add = async (category: string, files: PickedFile[], replaces?: string) => {
    const refused = files.map(refusal).filter((r): r is string => Boolean(r))
    if (refused.length) toast(refused.join('；'))
    const batch: UploadItem[] = files
      .filter((f) => !refusal(f))
      .map((file, i) => ({
        key: `u${++seq.current}`,
        category,
        file,
        ...(replaces && i === 0 ? { replaces } : {}),
        percent: 0,
        state: 'waiting' as const,
      }))
    if (!batch.length) return
    setItems((list) => [...list, ...batch])
    for (const item of batch) await uploadOne(item)
    await settle()
  }

  const retry = async (item: UploadItem) => {
    await uploadOne(item)
    await settle()
  }

  const dismiss = (key: string) => setItems((list) => list.filter((i) => i.key !== key))

  return {
    items,
    busy: items.some((i) => i.state === 'waiting' || i.state === 'uploading'),
    add,
    retry,
    dismiss,
  }
}
