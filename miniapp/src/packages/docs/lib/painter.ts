/**
 * What the shareable picture is drawn with, whatever the platform: rectangles and text in CSS
 * pixels (the painter scales them to the device's pixels). Platform files: canvas.ts (WeChat,
 * Alipay) and canvas.h5.ts (H5).
 */
export interface Painter {
  rect(x: number, y: number, w: number, h: number, color: string): void
  text(t: string, x: number, y: number, o: { size: number; color: string; bold?: boolean }): void
}

/** sharp on a 2× or 3× screen without a huge image on a 4× one (decision 82) */
export const MAX_PIXEL_RATIO = 3
export const pixelRatioOf = (reported: number | undefined) =>
  Math.min(MAX_PIXEL_RATIO, Math.max(1, Number.isFinite(reported) ? (reported as number) : 1))

/** the font, named in full: a size alone is not a valid canvas font and is ignored */
export const FONT_FAMILY = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
export const fontOf = (o: { size: number; bold?: boolean }) =>
  `${o.bold ? 'bold' : 'normal'} ${o.size}px ${FONT_FAMILY}`
