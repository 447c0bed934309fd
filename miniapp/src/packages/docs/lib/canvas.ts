import Taro from '@tarojs/taro'
import { type Painter, pixelRatioOf } from './painter'

/**
 * WeChat / Alipay (the canvas of `canvasId`, drawn through the platform's CanvasContext): the
 * platform draws in CSS pixels on a canvas already backed at the screen's density, so the chart's
 * pixel ratio is 1 there; the picture is exported at the device pixel ratio (destWidth/
 * destHeight), capped at 3. Each text sets its own font size, applied in drawing order.
 */
export function prepareChart(canvasId: string, _width: number, _height: number) {
  return { ratio: 1, context: Taro.createCanvasContext(canvasId) }
}

export function paintToImage(canvasId: string, width: number, height: number, paint: (p: Painter) => void) {
  const ratio = pixelRatioOf(Taro.getSystemInfoSync().pixelRatio)
  const ctx = Taro.createCanvasContext(canvasId)
  paint({
    rect(x, y, w, h, color) {
      ctx.setFillStyle(color)
      ctx.fillRect(x, y, w, h)
    },
    text(t, x, y, o) {
      ctx.setFillStyle(o.color)
      ctx.setFontSize(o.size)
      ctx.fillText(t, x, y)
    },
  })
  return new Promise<{ src: string; ratio: number }>((resolve, reject) => {
    ctx.draw(false, () => {
      Taro.canvasToTempFilePath({
        canvasId,
        x: 0,
        y: 0,
        width,
        height,
        destWidth: width * ratio,
        destHeight: height * ratio,
        fileType: 'png',
        success: (r) => resolve({ src: r.tempFilePath, ratio }),
        fail: (e) => reject(new Error(e.errMsg || '生成图片失败')),
      })
    })
  })
}
