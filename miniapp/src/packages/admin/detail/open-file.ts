/**
 * The browser's own PDF viewer in a new tab. Called straight from the tap, so popup blockers
 * let it through; if one does not, the viewer opens in this tab instead.
 */
export async function openPdf(url: string): Promise<void> {
  const tab = window.open(url, '_blank')
  if (tab) tab.opener = null
  else window.location.assign(url)
}
