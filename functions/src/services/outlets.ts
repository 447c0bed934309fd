import type { ParsedInputOf } from '@gjj/shared/api/contract'
import type { getOutlet as getOp, listOutlets as listOp } from '@gjj/shared/api/outlet'
import type { upsertOutlet as upsertOp } from '@gjj/shared/api/publishing'
import { type Coordinates, sortByDistance } from '@gjj/shared/info/geo'
import { describeHours, outletStatus } from '@gjj/shared/info/hours'
import { nowIso } from '../lib/clock'
import { Conflict, NotFound } from '../lib/errors'
import { newId } from '../lib/tokens'
import { auditPut } from '../repository/audit'
import * as outlets from '../repository/outlets'
import type { StaffSession } from '../repository/sessions'
import type { StaffItem } from '../repository/staff'
import { actorOf, staffWithRole } from './staff-roles'

/**
 * 服务网点: the public list and detail (status computed now, in China time; distance when the
 * caller gives a position — used for sorting only, never stored or logged), and the staff's own
 * center's outlets (publisher role).
 */
const NOT_FOUND = '未找到该服务网点'

function publicView(o: outlets.OutletItem, at: string) {
  const s = outletStatus(o.hours, at)
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    address: o.address,
    phone: o.phone,
    hours: o.hours,
    hoursText: describeHours(o.hours),
    status: {
      code: s.status,
      label: s.label,
      next: s.next
        ? { code: s.next.status, at: s.next.at, date: s.next.date, time: s.next.time, text: s.next.text }
        : null,
    },
    services: o.services,
    latitude: o.latitude,
    longitude: o.longitude,
  }
}

const positionOf = (p: { latitude?: number | undefined; longitude?: number | undefined }): Coordinates | null =>
  p.latitude !== undefined && p.longitude !== undefined ? { latitude: p.latitude, longitude: p.longitude } : null

export async function list(input: ParsedInputOf<typeof listOp>) {
  const at = nowIso()
  const items = (await outlets.listOutlets(input.centerCode)).map((o) => publicView(o, at))
  return { outlets: sortByDistance(items, positionOf(input)) }
}

export async function get(input: ParsedInputOf<typeof getOp>) {
  const o = await outlets.getOutlet(input.centerCode, input.id)
  if (!o) throw new NotFound(NOT_FOUND)
  const [view] = sortByDistance([publicView(o, nowIso())], positionOf(input))
  return { ...(view as NonNullable<typeof view>), directions: o.directions }
}

const staffView = (o: outlets.OutletItem) => {
  const { centerCode: _c, ...rest } = o
  return rest
}

export async function listForStaff(caller: StaffSession) {
  const staff = await staffWithRole(caller, 'publisher')
  return { outlets: (await outlets.listOutlets(staff.centerCode)).map(staffView) }
}

const audit = (
  staff: StaffItem,
  action: string,
  o: Pick<outlets.OutletItem, 'id' | 'name' | 'centerCode'>,
  at: string,
) =>
  auditPut({
    at,
    id: newId('AU'),
    actor: actorOf(staff),
    action,
    target: `outlet:${o.centerCode}:${o.id}`,
    detail: { name: o.name, centerCode: o.centerCode, staffName: staff.name },
    centerCode: staff.centerCode,
  })

const CHANGED = () => new Conflict('CHANGED', '该网点已被他人修改，请刷新后重试')

export async function upsert(caller: StaffSession, input: ParsedInputOf<typeof upsertOp>) {
  const staff = await staffWithRole(caller, 'publisher')
  const center = staff.centerCode
  let previous: outlets.OutletItem | undefined
  if (input.id !== undefined) {
    previous = await outlets.getOutlet(center, input.id)
    if (!previous) throw new NotFound(NOT_FOUND)
    if (input.version !== previous.version) throw CHANGED()
  }
  const at = nowIso()
  const o: outlets.OutletItem = {
    id: previous?.id ?? newId('O'),
    centerCode: center,
    name: input.name,
    kind: input.kind,
    address: input.address,
    phone: input.phone,
    hours: input.hours,
    services: input.services,
    latitude: input.location.latitude,
    longitude: input.location.longitude,
    directions: input.directions ?? null,
    updatedAt: at,
    updatedBy: staff.name,
    version: (previous?.version ?? 0) + 1,
  }
  const outcome = await outlets.putOutlet(o, previous?.version ?? null, audit(staff, 'outlet.upsert', o, at))
  if (outcome === 'conflict') throw CHANGED()
  return staffView(o)
}

export async function remove(caller: StaffSession, id: string) {
  const staff = await staffWithRole(caller, 'publisher')
  const previous = await outlets.getOutlet(staff.centerCode, id)
  if (!previous) throw new NotFound(NOT_FOUND)
  const outcome = await outlets.deleteOutlet(staff.centerCode, id, audit(staff, 'outlet.delete', previous, nowIso()))
  if (outcome === 'conflict') throw new NotFound(NOT_FOUND)
  return { ok: true as const }
}
