import Taro from '@tarojs/taro'

/**
 * What the platform choosers (pick-files.ts and its .weapp / .h5 variants) share. Kept in a file
 * with no platform variants, so a variant can import it without resolving to itself.
 */
export interface PickedFile {
  /** local path the uploader reads (a temp path, or a blob: URL on H5) */
  path: string
  name: string
  size: number
  contentType: 'image/jpeg' | 'image/png' | 'application/pdf'
}

export function imageType(path: string): PickedFile['contentType'] {
  return /\.png$/i.test(path) ? 'image/png' : 'image/jpeg'
}

export function imageName(path: string, index: number): string {
  return `图片${index + 1}.${imageType(path) === 'image/png' ? 'png' : 'jpg'}`
}

async function sizeOf(path: string, known?: number): Promise<number> {
  if (known) return known
  try {
    const info = (await Taro.getFileInfo({ filePath: path })) as unknown as { size: number }
    return info.size
  } catch {
    return 0
  }
}

/** up to `count` photos or album images, compressed by the mini-program platform */
export async function chooseCompressedImages(count: number): Promise<PickedFile[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const paths = res.tempFilePaths?.length ? res.tempFilePaths : (res.tempFiles ?? []).map((f) => f.path)
  return Promise.all(
    paths.map(async (path, i) => ({
      path,
      name: imageName(path, i),
      size: await sizeOf(path, res.tempFiles?.[i]?.size),
      contentType: imageType(path),
    })),
  )
}

/** the person closed the chooser without choosing: not an error worth a message */
export function isCancel(e: unknown): boolean {
  const err = e as { errMsg?: string; errorMessage?: string; error?: number } | undefined
  return /cancel/i.test(err?.errMsg ?? err?.errorMessage ?? '') || err?.error === 11
}
