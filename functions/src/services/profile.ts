import { ID_TYPE } from '@gjj/shared/codes'
import { maskIdNumber, maskPhone } from '@gjj/shared/validation'
import { coded } from '../lib/codes'
import { Unauthorized } from '../lib/errors'
import { getCenter } from '../repository/centers'
import { getDepositor } from '../repository/depositors'
import type { DepositorSession } from '../repository/sessions'

/** 个人中心 (manual 7.1): the caller's basic information, masked */
export async function profile(session: DepositorSession) {
  const [d, center] = await Promise.all([getDepositor(session.depositorId), getCenter(session.centerCode)])
  if (!d) throw new Unauthorized()
  return {
    name: d.name,
    gender: d.gender,
    birthDate: d.birthDate,
    idType: coded(ID_TYPE, '01'),
    idNumberMasked: maskIdNumber(d.idNumber),
    phoneMasked: maskPhone(d.phone),
    accountNo: d.accountNo,
    employerName: d.employerName,
    centerCode: d.centerCode,
    centerName: center?.name ?? d.centerCode,
  }
}
