import * as admin from '@gjj/shared/api/admin'
import * as documentAdmin from '@gjj/shared/api/document-admin'
import { operations } from '@gjj/shared/api/index'
import * as publishing from '@gjj/shared/api/publishing'
import * as staffAccounts from '@gjj/shared/api/staff-accounts'
import { describe, expect, test } from 'vitest'
import { depositorOperations, operationsOf } from './operations'

const names = (ops: object) => Object.keys(ops).sort()

describe('the operations the mini-program and the review console call', () => {
  test('the mini-program calls every operation of the contract but the console’s', () => {
    // Prepare
    const outsideConsole = Object.values(operations).filter((op) => !op.path.startsWith('/api/admin/'))
    // Assess
    expect(names(depositorOperations)).toEqual(outsideConsole.map((op) => op.name).sort())
  })

  test('the console calls exactly the /api/admin/ operations', () => {
    const console = {
      ...operationsOf(admin),
      ...operationsOf(publishing),
      ...operationsOf(staffAccounts),
      ...operationsOf(documentAdmin),
    }
    expect(names(console)).toEqual(names(operations).filter((name) => !(name in depositorOperations)))
    expect(Object.values(console).every((op) => op.path.startsWith('/api/admin/'))).toBe(true)
  })

  test('each operation is found under its own name', () => {
    for (const [name, op] of Object.entries({
      ...depositorOperations,
      ...operationsOf(admin),
      ...operationsOf(publishing),
      ...operationsOf(staffAccounts),
      ...operationsOf(documentAdmin),
    })) {
      expect(op.name).toBe(name)
      expect(operations[name as keyof typeof operations]).toBe(op)
    }
  })
})
