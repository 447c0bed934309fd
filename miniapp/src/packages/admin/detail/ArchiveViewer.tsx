import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { formatSize } from '../../../lib/format'
import type { ArchiveCategoryFiles } from './types'

/**
 * 档案查看 at a desk (issue 13): one file at a time, full size — an image with 放大/缩小/旋转, a PDF
 * inline (an <iframe> of its presigned address: the site's CSP allows the archive bucket as a frame
 * source, decision 63) — and 上一个/下一个 across every category. Keys: → or J next file, ← or K
 * previous, + / - zoom, R rotate. File and category names are text, never HTML.
 */
export function ArchiveViewer({ archive }: { archive: ArchiveCategoryFiles[] }) {
  const files = archive.flatMap((c) => c.files.filter((f) => f.url).map((f) => ({ ...f, category: c.name })))
  const [at, setAt] = useState(0)
  const [zoom, setZoom] = useState(1)
  const [turn, setTurn] = useState(0)
  const count = files.length
  const go = (step: number) => {
    if (count === 0) return
    setAt((i) => (i + step + count) % count)
    setZoom(1)
    setTurn(0)
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (target && /^(INPUT|TEXTAREA)$/.test(target.tagName)) return
      if (e.key === 'ArrowRight' || e.key === 'j') go(1)
      else if (e.key === 'ArrowLeft' || e.key === 'k') go(-1)
      else if (e.key === '+' || e.key === '=') setZoom((z) => Math.min(4, z * 1.25))
      else if (e.key === '-') setZoom((z) => Math.max(0.25, z / 1.25))
      else if (e.key === 'r') setTurn((t) => (t + 90) % 360)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const file = files[Math.min(at, count - 1)]
  if (!file) return <View className="viewer viewer--empty muted">没有可查看的档案文件</View>
  const pdf = file.contentType === 'application/pdf'
  return (
    <View className="viewer">
      <View className="viewer__bar">
        <Text className="viewer__where">
          {at + 1}/{count} · {file.category}
        </Text>
        <Text className="viewer__name">{file.fileName}</Text>
        <Text className="muted">{formatSize(file.size)}</Text>
      </View>
      <View className="viewer__tools">
        <Text className="viewer__tool viewer__prev" onClick={() => go(-1)}>
          ‹ 上一个 (←)
        </Text>
        {!pdf && (
          <>
            <Text className="viewer__tool viewer__zoom-out" onClick={() => setZoom((z) => Math.max(0.25, z / 1.25))}>
              缩小 (-)
            </Text>
            <Text className="viewer__tool viewer__zoom-in" onClick={() => setZoom((z) => Math.min(4, z * 1.25))}>
              放大 (+)
            </Text>
            <Text className="viewer__tool viewer__rotate" onClick={() => setTurn((t) => (t + 90) % 360)}>
              旋转 (R)
            </Text>
          </>
        )}
        <Text className="viewer__tool viewer__next" onClick={() => go(1)}>
          下一个 (→) ›
        </Text>
      </View>
      <View className="viewer__stage">
        {pdf ? (
          <iframe className="viewer__pdf" title={file.fileName} src={file.url as string} />
        ) : (
          <Image
            className="viewer__image"
            src={file.url as string}
            mode="widthFix"
            // zoom grows the image's box (the stage scrolls to every part of it); rotation turns it
            style={{ width: `${zoom * 100}%`, transform: `rotate(${turn}deg)` }}
          />
        )}
      </View>
    </View>
  )
}
