import { type PropsWithChildren, useEffect } from 'react'
import { z } from 'zod'
import './app.css'

// mini-programs forbid `new Function`: zod must not compile validators at run time
z.config({ jitless: true })

function App({ children }: PropsWithChildren) {
  useEffect(() => {}, [])
  return children
}

export default App
