import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'

/**
 * Thumbnails of news covers (decision 44): the cover, JPEG or PNG, decoded in pure JavaScript
 * (jpeg-js, pngjs — no native module to build for Lambda), scaled down by area averaging to at most
 * THUMB_WIDTH pixels wide, transparency laid on white, and written as a JPEG. The news list shows
 * the thumbnail; the article shows the original.
 */
export const THUMB_WIDTH = 240
const THUMB_QUALITY = 78
/** a cover is at most 2 MB, but a small file can claim a huge picture: refuse past this many pixels */
const MAX_PIXELS = 25_000_000

export type ImageKind = 'jpg' | 'png'

export class UnreadableImage extends Error {}

interface Rgba {
  width: number
  height: number
  data: Uint8Array
}

function decode(bytes: Uint8Array, kind: ImageKind): Rgba {
  try {
    if (kind === 'jpg') {
      const img = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 400,
      })
      return { width: img.width, height: img.height, data: img.data }
    }
    const png = PNG.sync.read(Buffer.from(bytes))
    if (png.width * png.height > MAX_PIXELS) throw new Error('too many pixels')
    return { width: png.width, height: png.height, data: png.data }
  } catch (error) {
    throw new UnreadableImage(error instanceof Error ? error.message : String(error))
  }
}

/** area-average scaling to `width` × `height` (only ever down), alpha composited on white */
function scale(src: Rgba, width: number, height: number): Rgba {
  const out = new Uint8Array(width * height * 4)
  const fx = src.width / width
  const fy = src.height / height
  for (let y = 0; y < height; y++) {
    const y0 = y * fy
    const y1 = y0 + fy
    for (let x = 0; x < width; x++) {
      const x0 = x * fx
      const x1 = x0 + fx
      let r = 0
      let g = 0
      let b = 0
      let area = 0
      for (let sy = Math.floor(y0); sy < Math.min(Math.ceil(y1), src.height); sy++) {
        const wy = Math.min(y1, sy + 1) - Math.max(y0, sy)
        for (let sx = Math.floor(x0); sx < Math.min(Math.ceil(x1), src.width); sx++) {
          const w = wy * (Math.min(x1, sx + 1) - Math.max(x0, sx))
          const i = (sy * src.width + sx) * 4
          const a = (src.data[i + 3] as number) / 255
          // on white: c·a + 255·(1 − a)
          r += w * ((src.data[i] as number) * a + 255 * (1 - a))
          g += w * ((src.data[i + 1] as number) * a + 255 * (1 - a))
          b += w * ((src.data[i + 2] as number) * a + 255 * (1 - a))
          area += w
        }
      }
      const o = (y * width + x) * 4
      out[o] = Math.round(r / area)
      out[o + 1] = Math.round(g / area)
      out[o + 2] = Math.round(b / area)
      out[o + 3] = 255
    }
  }
  return { width, height, data: out }
}

/** the thumbnail of a JPEG or PNG as JPEG bytes, with its size; UnreadableImage when it does not decode */
export function makeThumbnail(
  bytes: Uint8Array,
  kind: ImageKind,
): { bytes: Uint8Array; width: number; height: number } {
  const src = decode(bytes, kind)
  if (src.width < 1 || src.height < 1) throw new UnreadableImage('empty image')
  const width = Math.min(THUMB_WIDTH, src.width)
  const height = Math.max(1, Math.round((src.height * width) / src.width))
  const small = scale(src, width, height)
  const encoded = jpeg.encode({ width, height, data: small.data }, THUMB_QUALITY)
  return { bytes: new Uint8Array(encoded.data), width, height }
}

/** width and height of a JPEG or PNG, once decoded; UnreadableImage when it does not decode */
export function imageSize(bytes: Uint8Array, kind: ImageKind): { width: number; height: number } {
  const { width, height } = decode(bytes, kind)
  return { width, height }
}

/** width and height of JPEG bytes (for tests and checks) */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  const img = jpeg.decode(bytes, { useTArray: true })
  return { width: img.width, height: img.height }
}
