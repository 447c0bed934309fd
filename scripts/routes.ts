import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './lib/resources'
import { ROUTE_FILES, type RouteTable, routesSource } from './lib/routes'

/** writes the client's route tables from the contract (scripts/lib/routes.ts) */
for (const table of Object.keys(ROUTE_FILES) as RouteTable[]) {
  writeFileSync(join(root, ROUTE_FILES[table]), routesSource(table))
  console.log(`routes: wrote ${ROUTE_FILES[table]}`)
}
