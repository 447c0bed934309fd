import jpeg from 'jpeg-js'
import { PNG } from 'pngjs'
import { describe, expect, test } from 'vitest'
import { imageSize, jpegSize, makeThumbnail, THUMB_WIDTH, UnreadableImage } from './thumbnail'

function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]) {
  const img = new PNG({ width, height })
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) img.data.set(pixel(x, y), (y * width + x) * 4)
  }
  return new Uint8Array(PNG.sync.write(img))
}

const decoded = (bytes: Uint8Array) => jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true })

describe('cover thumbnails', () => {
  test.each([
    [720, 480, THUMB_WIDTH, 160],
    [241, 100, THUMB_WIDTH, 100],
    [100, 400, 100, 400],
    [3000, 1, THUMB_WIDTH, 1],
  ])('a %i×%i picture becomes %i×%i (never wider than the limit, never scaled up)', (w, h, tw, th) => {
    const t = makeThumbnail(
      png(w, h, () => [10, 20, 30, 255]),
      'png',
    )
    expect({ width: t.width, height: t.height }).toEqual({ width: tw, height: th })
    expect(jpegSize(t.bytes)).toEqual({ width: tw, height: th })
  })

  test('averages the pixels it folds together: black and white columns make grey', () => {
    const t = makeThumbnail(
      png(480, 10, (x) => (x % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255])),
      'png',
    )
    const { data } = decoded(t.bytes)
    for (let i = 0; i < data.length; i += 4) expect(Math.abs((data[i] as number) - 128)).toBeLessThan(6)
  })

  test('lays transparency on white', () => {
    const t = makeThumbnail(
      png(20, 20, () => [0, 0, 0, 0]),
      'png',
    )
    const { data } = decoded(t.bytes)
    expect(Math.min(...data)).toBeGreaterThan(245)
  })

  test('reads JPEG too', () => {
    const data = new Uint8Array(600 * 300 * 4).fill(200)
    const t = makeThumbnail(new Uint8Array(jpeg.encode({ width: 600, height: 300, data }, 90).data), 'jpg')
    expect(jpegSize(t.bytes)).toEqual({ width: THUMB_WIDTH, height: 120 })
  })

  test('a file that only starts like an image is unreadable', () => {
    const header = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    expect(() => makeThumbnail(header, 'png')).toThrow(UnreadableImage)
    expect(() => imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]), 'jpg')).toThrow(UnreadableImage)
  })
})
