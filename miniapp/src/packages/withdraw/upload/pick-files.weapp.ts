import Taro from '@tarojs/taro'
import { chooseCompressedImages, type PickedFile } from './picked-file'

/** WeChat: images from the album or camera (compressed), a PDF from a chat (wx.chooseMessageFile) */
export const canPickPdf = true

export const pickImages = (count: number): Promise<PickedFile[]> => chooseCompressedImages(count)

export async function pickPdf(): Promise<PickedFile[]> {
  const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })
  return res.tempFiles.map((f) => ({
    path: f.path,
    name: f.name || '文件.pdf',
    size: f.size,
    contentType: 'application/pdf' as const,
  }))
}
