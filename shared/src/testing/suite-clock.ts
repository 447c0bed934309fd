import { installSuiteClock } from './clock'

// vitest setup file: the suite's clock (see ./clock.ts)
installSuiteClock()
