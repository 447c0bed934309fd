import Taro from '@tarojs/taro'

/**
 * WeChat / Alipay: the PDF is downloaded to a temporary file and opened in the platform's document
 * viewer, whose menu saves or forwards it (the bucket's address must be a download domain of the
 * mini-program). H5 has its own file (open-pdf.h5.ts).
 */
export async function openPdf(url: string, _fileName: string): Promise<void> {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
  if (statusCode !== 200) throw new Error('证明文件下载失败，请重试')
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true })
}
