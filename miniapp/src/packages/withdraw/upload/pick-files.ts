import { chooseCompressedImages, type PickedFile } from './picked-file'

/**
 * Choosing archive files. This default serves the Alipay mini-program: images only (it has no
 * chooser for a chat file). pick-files.weapp.ts adds PDFs from a WeChat chat; pick-files.h5.ts
 * compresses images in the browser and picks PDFs with a file input.
 */
export const canPickPdf = false

export const pickImages = (count: number): Promise<PickedFile[]> => chooseCompressedImages(count)

export async function pickPdf(): Promise<PickedFile[]> {
  return []
}
