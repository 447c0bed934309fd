import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '../../../components/Tag'
import { formatSize } from '../../../lib/format'
import { openPdf } from './open-file'
import type { ArchiveCategoryFiles, ArchiveFile } from './types'

const isImage = (f: ArchiveFile) => f.contentType !== 'application/pdf'

/** the archive (档案) by category: images as thumbnails that open a full preview, PDFs as links */
export function ArchiveList({ archive }: { archive: ArchiveCategoryFiles[] }) {
  // one preview for every image of the application, so the reviewer can swipe through them all
  const images = archive.flatMap((c) => c.files.filter((f) => isImage(f) && f.url).map((f) => f.url as string))
  const preview = (url: string) => Taro.previewImage({ urls: images, current: url })

  return (
    <View className="archive">
      {archive.map((c) => (
        <View className="archive__category" key={c.key}>
          <View className="archive__head">
            <Text className="archive__name">{c.name}</Text>
            <Tag tone={c.required ? 'red' : 'grey'}>{c.required ? '必传' : '非必传'}</Tag>
            {c.files.length === 0 && (
              <Text className={c.required ? 'archive__missing' : 'muted archive__none'}>未上传</Text>
            )}
          </View>
          {c.files.length > 0 && (
            <View className="archive__files">
              {c.files.map((f) =>
                !f.url ? (
                  <Text key={f.id} className="archive__file muted">
                    {f.fileName}（暂不能查看）
                  </Text>
                ) : isImage(f) ? (
                  <Image
                    key={f.id}
                    className="archive__thumb"
                    src={f.url}
                    mode="aspectFill"
                    lazyLoad
                    onClick={() => preview(f.url as string)}
                  />
                ) : (
                  <View key={f.id} className="archive__file archive__pdf" onClick={() => openPdf(f.url as string)}>
                    <Text className="archive__pdf-badge">PDF</Text>
                    <Text className="archive__pdf-name">{f.fileName}</Text>
                    <Text className="muted">{formatSize(f.size)}</Text>
                  </View>
                ),
              )}
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
