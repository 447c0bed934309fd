import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { root } from './lib/resources'

/** `npm run reset`: wipes the local stack's data; the next `npm start` seeds the demo data again */
rmSync(join(root, '.data'), { recursive: true, force: true })
console.log('已清空 .data/，下次 npm start 将重新写入演示数据')
