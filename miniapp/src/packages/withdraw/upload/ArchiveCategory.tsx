import type { ApplicationDetail } from '@gjj/shared/api/application'
import { Button, Progress } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '../../../components/Tag'
import { formatSize } from '../../../lib/format'
import type { UploadItem } from './use-archive-upload'
import '../components/withdraw.css'
import './archive.css'

type Category = ApplicationDetail['archive'][number]
type ArchiveFile = Category['files'][number]

const isImage = (f: { contentType: string }) => f.contentType !== 'application/pdf'

function preview(file: ArchiveFile, files: ArchiveFile[]) {
  const urls = files.filter((f) => isImage(f) && f.url).map((f) => f.url as string)
  if (file.url && isImage(file)) Taro.previewImage({ current: file.url, urls })
}

function FileRow({
  file,
  files,
  editable,
  onReplace,
  onRemove,
}: {
  file: ArchiveFile
  files: ArchiveFile[]
  editable: boolean
  onReplace: () => void
  onRemove: () => void
}) {
  return (
    <View className="archive__file">
      {isImage(file) && file.url ? (
        <Image className="archive__thumb" src={file.url} mode="aspectFill" onClick={() => preview(file, files)} />
      ) : (
        <View className="archive__thumb archive__thumb--pdf">{isImage(file) ? '图片' : 'PDF'}</View>
      )}
      <View className="archive__file-text">
        <Text className="archive__file-name">{file.fileName}</Text>
        <Text className="archive__file-meta">{formatSize(file.size)}</Text>
      </View>
      {editable && <FileActions go={['替换', onReplace, 'archive__replace']} drop={['删除', onRemove]} />}
    </View>
  )
}

type Action = [label: string, onClick: () => void, className?: string]

/** a file's two links: the way on (替换, 重试) and the way out (删除, 移除) */
function FileActions({ go: [goLabel, onGo, goClass], drop: [dropLabel, onDrop] }: { go: Action; drop: Action }) {
  return (
    <View className="archive__file-actions">
      <Text className={`wd-link${goClass ? ` ${goClass}` : ''}`} onClick={onGo}>
        {goLabel}
      </Text>
      <Text className="archive__remove" onClick={onDrop}>
        {dropLabel}
      </Text>
    </View>
  )
}

function UploadRow({ item, onRetry, onDismiss }: { item: UploadItem; onRetry: () => void; onDismiss: () => void }) {
  return (
    <View className="archive__file archive__file--uploading">
      <View className="archive__thumb archive__thumb--pdf">
        {item.file.contentType === 'application/pdf' ? 'PDF' : '图片'}
      </View>
      <View className="archive__file-text">
        <Text className="archive__file-name">{item.file.name}</Text>
        {item.state === 'failed' ? (
          <Text className="archive__file-error">{item.error}</Text>
        ) : (
          <View className="archive__progress">
            <Progress percent={item.percent} color="#1a5fb4" strokeWidth="6" showText={false} />
            <Text className="archive__file-meta">{item.state === 'waiting' ? '等待上传' : `${item.percent}%`}</Text>
          </View>
        )}
      </View>
      {item.state === 'failed' && <FileActions go={['重试', onRetry]} drop={['移除', onDismiss]} />}
    </View>
  )
}

/** one 档案分类: 必传/非必传, its files, the ones uploading, and the choosers */
export function ArchiveCategory({
  category,
  uploads,
  editable,
  busy,
  canPickPdf,
  error,
  onPickImages,
  onPickPdf,
  onReplace,
  onRemove,
  onRetry,
  onDismiss,
}: {
  category: Category
  uploads: UploadItem[]
  editable: boolean
  busy: boolean
  canPickPdf: boolean
  error?: string
  onPickImages: () => void
  onPickPdf: () => void
  onReplace: (file: ArchiveFile) => void
  onRemove: (file: ArchiveFile) => void
  onRetry: (item: UploadItem) => void
  onDismiss: (item: UploadItem) => void
}) {
  const empty = category.files.length === 0 && uploads.length === 0
  return (
    <View className="wd-card archive" id={`archive-${category.key}`}>
      <View className="archive__head">
        <Text className="archive__name">{category.name}</Text>
        <Tag tone={category.required ? 'red' : 'grey'}>{category.required ? '必传' : '非必传'}</Tag>
        <Text className="archive__count">
          {category.files.length ? `已上传${category.files.length}个` : category.required ? '未上传' : ''}
        </Text>
      </View>
      {category.files.map((f) => (
        <FileRow
          key={f.id}
          file={f}
          files={category.files}
          editable={editable && !busy}
          onReplace={() => onReplace(f)}
          onRemove={() => onRemove(f)}
        />
      ))}
      {uploads.map((u) => (
        <UploadRow key={u.key} item={u} onRetry={() => onRetry(u)} onDismiss={() => onDismiss(u)} />
      ))}
      {empty && !editable && <Text className="archive__none muted">未上传</Text>}
      {error && <View className="field-error archive__error">{error}</View>}
      {editable && (
        <View className="archive__pick">
          <Button size="small" type="primary" fill="outline" disabled={busy} onClick={onPickImages}>
            上传图片
          </Button>
          {canPickPdf && (
            <Button size="small" type="primary" fill="outline" disabled={busy} onClick={onPickPdf}>
              上传PDF
            </Button>
          )}
        </View>
      )}
    </View>
  )
}
