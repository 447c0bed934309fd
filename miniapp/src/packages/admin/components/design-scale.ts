import { useLayoutEffect } from 'react'

/**
 * Taro H5 sizes the root font from the viewport (20px on a 375-wide phone, up to 40px on a desktop
 * screen) and our CSS is in rem, so a desktop browser shows the app at twice the size while NutUI's
 * px-sized components stay put. The review console is used at desks, so while one of its pages is
 * open the root font stays at the design size (1 CSS px = 1 design px) and the page becomes a
 * centred column (admin.css). Leaving the console hands the root back to Taro's own resize handler.
 */
const DESIGN_ROOT_FONT = '20px'
let pages = 0

function pin() {
  document.documentElement.style.fontSize = DESIGN_ROOT_FONT
}

export function useDesignScale() {
  useLayoutEffect(() => {
    pages += 1
    if (pages === 1) window.addEventListener('resize', pin) // runs after Taro's listener
    pin()
    return () => {
      pages -= 1
      if (pages > 0) return
      window.removeEventListener('resize', pin)
      window.dispatchEvent(new Event('resize'))
    }
  }, [])
}
