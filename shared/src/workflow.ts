/**
 * The application workflow (我的业务) as one transition table:
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved
 *     │                 ▲      └──return───▶ returned ──end──▶ ended
 *     └──end──▶ ended   └───────resubmit────────┘
 *   (draft and returned: update ⟲)
 *
 * The depositor submits, resubmits (修改重新上传) and ends (结束流程); a reviewer approves or
 * returns (with a reason). approved and ended are final. While an application is a draft or
 * returned, the depositor may also update it (修改: its fields and archive files) without moving it.
 */
export const APPLICATION_STATES = ['draft', 'submitted', 'approved', 'returned', 'ended'] as const
/** the steps that move an application: the buttons a screen offers */
export const WORKFLOW_ACTIONS = ['submit', 'approve', 'return', 'resubmit', 'end'] as const
/** the steps that change an application where it stands */
export const EDIT_ACTIONS = ['update'] as const
export const ACTORS = ['depositor', 'reviewer'] as const

export type ApplicationState = (typeof APPLICATION_STATES)[number]
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]
export type EditAction = (typeof EDIT_ACTIONS)[number]
/** every rule of the table */
export type WorkflowStep = WorkflowAction | EditAction
export type Actor = (typeof ACTORS)[number]

export const STATE_LABELS: Record<ApplicationState, string> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '审批通过',
  returned: '退回',
  ended: '已结束',
}

/** the steps of an application's 流程信息: the workflow's actions and the depositor's own edits */
export const TIMELINE_ACTIONS = ['create', ...EDIT_ACTIONS, ...WORKFLOW_ACTIONS] as const
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number]

/** what each step is called, alike for the depositor (流程信息查询) and the review console */
export const TIMELINE_LABELS: Record<TimelineAction, string> = {
  create: '填写申请',
  update: '修改申请信息',
  submit: '提交中心审批',
  approve: '审批通过',
  return: '审批退回',
  resubmit: '修改后重新提交',
  end: '结束流程',
}

export const ACTOR_LABELS: Record<Actor, string> = {
  depositor: '申请人',
  reviewer: '中心审批人员',
}

export interface Transition {
  from: ApplicationState
  action: WorkflowStep
  actor: Actor
  to: ApplicationState
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', action: 'submit', actor: 'depositor', to: 'submitted' },
  { from: 'draft', action: 'end', actor: 'depositor', to: 'ended' },
  { from: 'submitted', action: 'approve', actor: 'reviewer', to: 'approved' },
  { from: 'submitted', action: 'return', actor: 'reviewer', to: 'returned' },
  { from: 'returned', action: 'resubmit', actor: 'depositor', to: 'submitted' },
  { from: 'returned', action: 'end', actor: 'depositor', to: 'ended' },
  { from: 'draft', action: 'update', actor: 'depositor', to: 'draft' },
  { from: 'returned', action: 'update', actor: 'depositor', to: 'returned' },
]

/** how a refusal describes the current state: "该申请{phrase}，不能…" */
const STATE_PHRASES: Record<ApplicationState, string> = {
  draft: '尚未提交',
  submitted: '正在审批中',
  approved: '已审批通过',
  returned: '已退回',
  ended: '已结束',
}

/** the verb in a refusal: "不能审批" reads better than "不能审批通过" */
const ACTION_VERBS: Record<WorkflowStep, string> = {
  submit: '提交',
  approve: '审批',
  return: '退回',
  resubmit: '重新提交',
  end: '结束',
  update: '修改',
}

export type TransitionResult = { ok: true; to: ApplicationState } | { ok: false; message: string }

export function transition(state: ApplicationState, action: WorkflowStep, actor: Actor): TransitionResult {
  const allowed = TRANSITIONS.filter((t) => t.action === action)
  const match = allowed.find((t) => t.from === state)
  if (match && match.actor === actor) return { ok: true, to: match.to }
  const phrase = STATE_PHRASES[state]
  if (!match) {
    const repeat = allowed.some((t) => t.to === state)
    return {
      ok: false,
      message: repeat ? `该申请${phrase}，请勿重复操作` : `该申请${phrase}，不能${ACTION_VERBS[action]}`,
    }
  }
  return { ok: false, message: `${ACTION_VERBS[action]}操作只能由${ACTOR_LABELS[match.actor]}办理` }
}

const isMove = (action: WorkflowStep): action is WorkflowAction =>
  (WORKFLOW_ACTIONS as readonly string[]).includes(action)

/** the moves `actor` may make now (for buttons) */
export function availableActions(state: ApplicationState, actor: Actor): WorkflowAction[] {
  return TRANSITIONS.filter((t) => t.from === state && t.actor === actor)
    .map((t) => t.action)
    .filter(isMove)
}

export function isFinal(state: ApplicationState): boolean {
  return !TRANSITIONS.some((t) => t.from === state)
}

/** 进行中 (draft, submitted, returned): blocks a second application of the same kind */
export function isInProgress(state: ApplicationState): boolean {
  return !isFinal(state)
}

/** what 提交中心审批 means now: a returned application is resubmitted (修改重新上传) */
export function submitActionFor(state: ApplicationState): WorkflowAction {
  return state === 'returned' ? 'resubmit' : 'submit'
}
