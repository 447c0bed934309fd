import { describe, expect, test } from 'vitest'
import {
  ACTORS,
  type Actor,
  APPLICATION_STATES,
  type ApplicationState,
  availableActions,
  EDIT_ACTIONS,
  isFinal,
  isInProgress,
  STATE_LABELS,
  submitActionFor,
  TRANSITIONS,
  transition,
  WORKFLOW_ACTIONS,
  type WorkflowStep,
} from './workflow'

describe('the workflow', () => {
  test.each<[ApplicationState, WorkflowStep, Actor, ApplicationState]>([
    ['draft', 'submit', 'depositor', 'submitted'],
    ['draft', 'end', 'depositor', 'ended'],
    ['submitted', 'approve', 'reviewer', 'approved'],
    ['submitted', 'return', 'reviewer', 'returned'],
    ['returned', 'resubmit', 'depositor', 'submitted'],
    ['returned', 'end', 'depositor', 'ended'],
    ['draft', 'update', 'depositor', 'draft'],
    ['returned', 'update', 'depositor', 'returned'],
  ])('moves %s by %s (%s) to %s', (from, action, actor, to) => {
    expect(transition(from, action, actor)).toEqual({ ok: true, to })
  })

  test.each<[ApplicationState, WorkflowStep, Actor, string]>([
    ['returned', 'approve', 'reviewer', '该申请已退回，不能审批'],
    ['approved', 'approve', 'reviewer', '该申请已审批通过，请勿重复操作'],
    ['returned', 'return', 'reviewer', '该申请已退回，请勿重复操作'],
    ['submitted', 'submit', 'depositor', '该申请正在审批中，请勿重复操作'],
    ['submitted', 'resubmit', 'depositor', '该申请正在审批中，请勿重复操作'],
    ['ended', 'end', 'depositor', '该申请已结束，请勿重复操作'],
    ['submitted', 'end', 'depositor', '该申请正在审批中，不能结束'],
    ['approved', 'end', 'depositor', '该申请已审批通过，不能结束'],
    ['ended', 'resubmit', 'depositor', '该申请已结束，不能重新提交'],
    ['draft', 'approve', 'reviewer', '该申请尚未提交，不能审批'],
    ['ended', 'approve', 'reviewer', '该申请已结束，不能审批'],
    ['submitted', 'approve', 'depositor', '审批操作只能由中心审批人员办理'],
    ['draft', 'submit', 'reviewer', '提交操作只能由申请人办理'],
    ['submitted', 'update', 'depositor', '该申请正在审批中，不能修改'],
    ['approved', 'update', 'depositor', '该申请已审批通过，不能修改'],
    ['ended', 'update', 'depositor', '该申请已结束，不能修改'],
    ['returned', 'update', 'reviewer', '修改操作只能由申请人办理'],
  ])('refuses %s → %s by %s: "%s"', (from, action, actor, message) => {
    expect(transition(from, action, actor)).toEqual({ ok: false, message })
  })

  test('allows exactly the transitions of the table, for every state, action and actor', () => {
    for (const state of APPLICATION_STATES) {
      for (const action of [...WORKFLOW_ACTIONS, ...EDIT_ACTIONS]) {
        for (const actor of ACTORS) {
          const row = TRANSITIONS.find((t) => t.from === state && t.action === action && t.actor === actor)
          const result = transition(state, action, actor)
          expect(result.ok, `${state} ${action} ${actor}`).toBe(row !== undefined)
          if (!result.ok) expect(result.message).toMatch(/^(该申请|.+操作只能由)/)
        }
      }
    }
  })

  test('offers each actor only their own buttons, and only moves (修改 is not a move)', () => {
    expect(availableActions('draft', 'depositor')).toEqual(['submit', 'end'])
    expect(availableActions('submitted', 'reviewer')).toEqual(['approve', 'return'])
    expect(availableActions('submitted', 'depositor')).toEqual([])
    expect(availableActions('returned', 'depositor')).toEqual(['resubmit', 'end'])
  })

  test('ends only at approved and ended; everything else is in progress', () => {
    expect(APPLICATION_STATES.filter(isFinal)).toEqual(['approved', 'ended'])
    expect(APPLICATION_STATES.filter(isInProgress)).toEqual(['draft', 'submitted', 'returned'])
  })

  test('submitting a returned application is a resubmission', () => {
    expect(submitActionFor('returned')).toBe('resubmit')
    expect(submitActionFor('draft')).toBe('submit')
  })

  test('labels every state in Chinese', () => {
    expect(APPLICATION_STATES.map((s) => STATE_LABELS[s])).toEqual(['草稿', '待审批', '审批通过', '退回', '已结束'])
  })
})
