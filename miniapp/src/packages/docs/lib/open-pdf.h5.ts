/** H5: the browser opens the PDF (its viewer saves and prints it); a download link names the file */
export async function openPdf(url: string, fileName: string): Promise<void> {
  const a = document.createElement('a')
  a.href = url
  a.target = '_blank'
  a.rel = 'noopener'
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
}
