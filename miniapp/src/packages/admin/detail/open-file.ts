import Taro from '@tarojs/taro'

/** mini-programs: download the PDF, then open it in the platform's document viewer */
export async function openPdf(url: string): Promise<void> {
  Taro.showLoading({ title: '正在打开', mask: true })
  try {
    const res = await Taro.downloadFile({ url })
    if (res.statusCode !== 200) throw new Error(`download ${res.statusCode}`)
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'pdf', showMenu: true })
    Taro.hideLoading()
  } catch {
    Taro.hideLoading()
    Taro.showToast({ title: '文件打开失败，请下拉刷新后重试', icon: 'none', duration: 2500 })
  }
}
