import { randomUUID } from 'node:crypto'
import { type Actor, isFinal, type WorkflowAction } from '@gjj/shared/workflow'
import {
  type ApplicationItem,
  applicationKey,
  attachFile,
  changeApplication,
  deleteFile,
  type EventItem,
  type FileItem,
  guardState,
  putApplication,
  putFile,
  recordEvent,
  type StateFailure,
} from './applications'
import { recordAudit } from './audit'
import { recordApproval, releaseActive, takeActive } from './kind-markers'
import { moveInQueue } from './queue'
import { type Duplicate, type Failure, transact, transactOnce, type Write } from './transaction'

/**
 * The workflow steps of an application (shared/src/workflow.ts), one function each, each one
 * TransactWriteItems. Services decide whether a step may happen and with what figures; these write
 * it, all or nothing, and answer a typed outcome. The rules of the shape:
 * - the application changes only from the state and version it was read at (`stale`: same state,
 *   changed meanwhile; `wrongState`: moved on — both carry the application as it is now);
 * - every move writes its timeline event, moves the application in its center's queue, releases
 *   the per-kind in-progress lock when the application is final and marks the kind's last approval;
 * - what else a step changes (an approval's balance and ledger today, a loan's principal or
 *   settlement next) comes in as `effects`: writes that name their own failures.
 */
export type StepOutcome<F extends Failure> = { ok: true; app: ApplicationItem } | ({ ok: false } & F)

export interface Party {
  kind: Actor
  name: string
}

/** a new draft, the per-kind in-progress lock and the first timeline event */
export async function create(app: ApplicationItem, by: Party): Promise<StepOutcome<{ reason: 'inProgress' }>> {
  const outcome = await transact([
    putApplication(app),
    takeActive(app),
    recordEvent(app.id, event(app.createdAt, 'create', by, null, app.status, null)),
  ])
  return outcome.ok ? { ok: true, app } : outcome
}

type Editable = Partial<
  Pick<ApplicationItem, 'data' | 'amountFen' | 'closing' | 'bankCard' | 'loanFigures' | 'loanVersion' | 'updatedAt'>
>

/** 修改: a draft's or returned application's own fields, in the state it is in */
export async function edit(app: ApplicationItem, set: Editable): Promise<StepOutcome<StateFailure>> {
  const outcome = await transact([changeApplication(app, set, [app.status])])
  return outcome.ok ? { ok: true, app: { ...app, ...set, version: app.version + 1 } } : outcome
}

/** registers an archive file while the application is still in the state it was read in */
export async function addFile(app: ApplicationItem, file: FileItem): Promise<StepOutcome<StateFailure>> {
  const outcome = await transact([guardState(app, [app.status]), putFile(app.id, file)])
  return outcome.ok ? { ok: true, app } : outcome
}

export async function removeFile(
  app: ApplicationItem,
  fileId: string,
): Promise<StepOutcome<StateFailure | { reason: 'noSuchFile' }>> {
  const outcome = await transact<StateFailure | { reason: 'noSuchFile' }>([
    guardState(app, [app.status]),
    deleteFile(app.id, fileId),
  ])
  return outcome.ok ? { ok: true, app } : outcome
}

export interface Move<F extends Failure = never> {
  action: WorkflowAction
  to: ApplicationItem['status']
  at: string
  by: Party
  opinion?: string | null
  /** the application's other fields that change with the step (submit: amounts, submittedAt, …) */
  set?: Partial<Omit<ApplicationItem, 'id' | 'status' | 'version' | 'updatedAt'>>
  /** archive files the step attaches, each now under its archives/ key */
  attach?: { fileId: string; key: string }[]
  /** the audit entry of a staff action or a money movement; its target is the application's key */
  audit?: { id: string; actor: string; action: string; detail: Record<string, unknown> }
  /** what else the step changes, with the failures of its own conditions (balance, ledger, loan) */
  effects?: Write<F>[]
}

/** 提交 / 重新提交 / 退回 / 审批通过 / 结束流程: the application moves from the state it was read in */
export async function move<F extends Failure = never>(
  app: ApplicationItem,
  m: Move<F>,
): Promise<StepOutcome<StateFailure | Duplicate | F>> {
  const after: ApplicationItem = { ...app, ...m.set, status: m.to, updatedAt: m.at, version: app.version + 1 }
  const writes: Write<StateFailure | F>[] = [
    changeApplication(app, { ...m.set, status: m.to, updatedAt: m.at }, [app.status]),
    ...moveInQueue(app, after),
    ...(isFinal(m.to) ? [releaseActive(app)] : []),
    ...(m.to === 'approved' ? [recordApproval(app, m.at)] : []),
    recordEvent(app.id, event(m.at, m.action, m.by, app.status, m.to, m.opinion ?? null)),
    ...(m.attach ?? []).map((f) => attachFile(app.id, f.fileId, f.key)),
    ...(m.audit
      ? [
          recordAudit({
            at: m.at,
            target: applicationKey(app.id).pk,
            // a reviewer's step is on their center's log (操作日志)
            ...(m.audit.actor.startsWith('staff:') ? { centerCode: app.centerCode } : {}),
            ...m.audit,
          }),
        ]
      : []),
    ...(m.effects ?? []),
  ]
  // a token of its own: the SDK's retry of a call whose answer was lost changes nothing twice;
  // twins of one request are kept apart by the version condition, not by the token
  const outcome = await transactOnce(writes, randomUUID())
  return outcome.ok ? { ok: true, app: after } : outcome
}

function event(
  at: string,
  action: EventItem['action'],
  by: Party,
  from: EventItem['from'],
  to: EventItem['to'],
  opinion: string | null,
): EventItem {
  return { at, action, actor: by.kind, actorName: by.name, from, to, opinion }
}
