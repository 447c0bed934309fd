import Taro from '@tarojs/taro'
import { fontOf, type Painter, pixelRatioOf } from './painter'

/**
 * H5: Taro's canvas component sizes its <canvas> at one pixel per CSS pixel, and its
 * CanvasContext applies setFontSize at once instead of in drawing order (every text came out at
 * the last size set). So here the page's <canvas> is resized to the device pixel ratio (capped at
 * 3) and drawn on with the browser's own 2D context, each text with its full font.
 */
function canvasOf(canvasId: string, width: number, height: number) {
  const canvas = document.querySelector(`canvas[canvas-id="${canvasId}"]`) as HTMLCanvasElement | null
  const ctx = canvas?.getContext('2d')
  if (!canvas || !ctx) throw new Error('生成图片失败，请重试')
  const ratio = pixelRatioOf(window.devicePixelRatio)
  canvas.width = Math.round(width * ratio)
  canvas.height = Math.round(height * ratio)
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
  return { canvas, ctx, ratio }
}

type Queued = Taro.CanvasContext & {
  font: string
  enqueueActions(fn: (this: CanvasRenderingContext2D, ...args: unknown[]) => void, ...args: unknown[]): void
}

/**
 * The chart's canvas at the device pixel ratio (uCharts then draws `ratio` pixels per CSS pixel,
 * from an unscaled context) and its CanvasContext with setFontSize, setTextAlign and
 * setTextBaseline in drawing order: Taro's H5 context sets them at once, so every label was drawn
 * with the last ones set. The size is still set at once too, for uCharts' measureText.
 */
export function prepareChart(canvasId: string, width: number, height: number) {
  const { ctx, ratio } = canvasOf(canvasId, width, height)
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  const context = Taro.createCanvasContext(canvasId) as Queued
  context.setFontSize = (size: number) => {
    ctx.font = fontOf({ size })
    context.enqueueActions(function (this: CanvasRenderingContext2D) {
      this.font = fontOf({ size })
    })
  }
  // the same for the text's alignment and baseline (right-aligned y-axis labels came out left-aligned)
  context.setTextAlign = (align) => {
    context.enqueueActions(function (this: CanvasRenderingContext2D) {
      this.textAlign = align
    })
  }
  context.setTextBaseline = (baseline) => {
    const map: Record<string, CanvasTextBaseline> = { normal: 'alphabetic' }
    context.enqueueActions(function (this: CanvasRenderingContext2D) {
      this.textBaseline = map[baseline] ?? (baseline as CanvasTextBaseline)
    })
  }
  return { ratio, context: context as Taro.CanvasContext }
}

export async function paintToImage(canvasId: string, width: number, height: number, paint: (p: Painter) => void) {
  const { canvas, ctx, ratio } = canvasOf(canvasId, width, height)
  ctx.textBaseline = 'alphabetic'
  paint({
    rect(x, y, w, h, color) {
      ctx.fillStyle = color
      ctx.fillRect(x, y, w, h)
    },
    text(t, x, y, o) {
      ctx.fillStyle = o.color
      ctx.font = fontOf(o)
      ctx.fillText(t, x, y)
    },
  })
  return { src: canvas.toDataURL('image/png'), ratio }
}
