import Taro from '@tarojs/taro'
import type { PickedFile } from './picked-file'

/**
 * The browser: the H5 chooser does not compress (sizeType is ignored), so images are redrawn here
 * on a canvas as JPEG (longest side ≤ 2000 px, quality 0.8); a PDF comes from a file input.
 */
export const canPickPdf = true

const MAX_SIDE = 2000
const UNSUPPORTED = '只能上传 JPG、PNG 图片或 PDF 文件'

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error(UNSUPPORTED))
    img.src = src
  })
}

async function toJpeg(src: string): Promise<Blob | null> {
  const img = await loadImage(src)
  const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight, 1))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8))
}

async function compress(path: string, file: File | undefined, index: number): Promise<PickedFile> {
  const type = file?.type ?? ''
  const name = file?.name || `图片${index + 1}.jpg`
  const original = type === 'image/jpeg' || type === 'image/png'
  let jpeg: Blob | null = null
  try {
    jpeg = await toJpeg(path)
  } catch {
    jpeg = null
  }
  if (jpeg && (!original || !file || jpeg.size < file.size)) {
    return {
      path: URL.createObjectURL(jpeg),
      name: `${name.replace(/\.[^.]*$/, '')}.jpg`,
      size: jpeg.size,
      contentType: 'image/jpeg',
    }
  }
  if (file && original) return { path, name, size: file.size, contentType: type }
  throw new Error(UNSUPPORTED)
}

export async function pickImages(count: number): Promise<PickedFile[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const files = res.tempFiles ?? []
  return Promise.all(files.map((f, i) => compress(f.path, f.originalFileObj, i)))
}

export function pickPdf(): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'application/pdf,.pdf'
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve([])
      if (file.type !== 'application/pdf' && !/\.pdf$/i.test(file.name)) return reject(new Error('请选择 PDF 文件'))
      resolve([{ path: URL.createObjectURL(file), name: file.name, size: file.size, contentType: 'application/pdf' }])
    }
    document.body.appendChild(input)
    input.click()
  })
}
