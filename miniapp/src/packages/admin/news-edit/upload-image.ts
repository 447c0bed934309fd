import { MAX_NEWS_IMAGE_BYTES } from '@gjj/shared/api/publishing'
import { ApiRequestError, uploadToPresignedPost } from '../../../api/client'
import { staffApi } from '../components/staff-api'

/**
 * A picture for a news article, chosen on the staff member's computer (the console is H5 only, so a
 * plain file input), uploaded straight to storage with the presigned POST of
 * requestNewsImageUpload — the same path as the depositors' archives. A picture that is not JPEG/PNG
 * or is over 2 MB is redrawn as a JPEG (longest side ≤ 2000 px) first. Resolves to the upload's
 * key and a local address to show it, or undefined when nothing was chosen.
 */
const MAX_SIDE = 2000

function chooseFile(): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/jpeg,image/png'
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      resolve(file)
    }
    input.oncancel = () => {
      input.remove()
      resolve(undefined)
    }
    document.body.appendChild(input)
    input.click()
  })
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () =>
      reject(new ApiRequestError(0, { code: 'CLIENT', message: '无法读取该图片，请换一张 JPG 或 PNG 图片' }))
    img.src = src
  })
}

async function asJpeg(file: File): Promise<Blob> {
  const url = URL.createObjectURL(file)
  try {
    const img = await loadImage(url)
    const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight, 1))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new ApiRequestError(0, { code: 'CLIENT', message: '无法处理该图片，请换一张' })
    ctx.fillStyle = '#fff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    if (!blob) throw new ApiRequestError(0, { code: 'CLIENT', message: '无法处理该图片，请换一张' })
    return blob
  } finally {
    URL.revokeObjectURL(url)
  }
}

export async function uploadNewsImage(): Promise<{ key: string; localUrl: string } | undefined> {
  const file = await chooseFile()
  if (!file) return undefined
  const fits = (file.type === 'image/jpeg' || file.type === 'image/png') && file.size <= MAX_NEWS_IMAGE_BYTES
  const blob = fits ? file : await asJpeg(file)
  if (blob.size > MAX_NEWS_IMAGE_BYTES) {
    throw new ApiRequestError(422, { code: 'CLIENT', message: '图片不能超过2MB，请换一张较小的图片' })
  }
  const contentType = blob.type === 'image/png' ? 'image/png' : 'image/jpeg'
  const target = await staffApi.requestNewsImageUpload({ contentType, size: blob.size })
  const localUrl = URL.createObjectURL(blob)
  await uploadToPresignedPost({ url: target.url, fields: target.fields, filePath: localUrl })
  return { key: target.key, localUrl }
}
