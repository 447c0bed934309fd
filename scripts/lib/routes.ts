import { operations } from '@gjj/shared/api/index'

/**
 * The route tables of the mini-program's client (decision 86), generated from the contract: the
 * method, path and audience of every operation, without its schemas, so that a page can call the
 * API without bundling zod and the 45 operations' schemas. Two files, so that the WeChat and Alipay
 * packages never hold a console route (scripts/size-check.ts looks for `/api/admin/`): the
 * depositors' (everything outside /api/admin/) and the review console's. Their types come from the
 * contract by `import type`, which the bundle drops. `npm run routes` writes them;
 * scripts/contract.test.ts fails while a file differs from what this makes of the contract.
 */
export const ROUTE_FILES = {
  depositor: 'shared/src/api/routes.ts',
  console: 'shared/src/api/console-routes.ts',
} as const

export type RouteTable = keyof typeof ROUTE_FILES

const isConsole = (path: string) => path.startsWith('/api/admin/')

export function routesSource(table: RouteTable): string {
  const chosen = Object.values(operations).filter((op) => isConsole(op.path) === (table === 'console'))
  const lines = chosen.map((op) => {
    const fields = [`method: '${op.method}'`, `path: '${op.path}'`, `audience: '${op.audience}'`]
    const line = `  ${op.name}: { ${fields.join(', ')} },`
    // as biome formats it: one line when it fits in 120 columns
    return line.length <= 120 ? line : `  ${op.name}: {\n${fields.map((f) => `    ${f},\n`).join('')}  },`
  })
  const name = table === 'console' ? 'consoleRoutes' : 'routes'
  const what =
    table === 'console'
      ? 'the review console’s operations (/api/admin/), H5 only'
      : 'every operation outside /api/admin/: what the WeChat and Alipay mini-programs call'
  return `// Generated from the contract by \`npm run routes\` (scripts/lib/routes.ts); do not edit.
// ${what}
import type { Route } from './contract'
import type { operations } from './index'

export const ${name} = {
${lines.join('\n')}
} as const satisfies Record<string, Route>

/** the contract's operation of each route, for the client's types */
export type ${table === 'console' ? 'ConsoleOperations' : 'RouteOperations'} = {
  [K in keyof typeof ${name}]: (typeof operations)[K]
}
`
}
