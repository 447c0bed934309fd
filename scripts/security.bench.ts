/**
 * `npm run bench` part for issue 11: p50/p95 of sendSmsCode and changePhone over DynamoDB Local,
 * with their DynamoDB calls per request. Each iteration has its own fresh depositor and new phone
 * number (the SMS caps allow one code a minute), made before the clock starts.
 * `BENCH_ONLY=security npm run bench` runs only this part.
 */
export type Measure = (
  name: string,
  n: number,
  run: (i: number) => Promise<unknown>,
  prepare?: (i: number) => Promise<void>,
) => Promise<unknown>

export async function benchSecurity(measure: Measure, n: number) {
  const { makeDepositor } = await import('../functions/test/factory')
  const { eventFor } = await import('../functions/test/events')
  const { lastCodeSentTo, freshPhone } = await import('../functions/test/security')
  const { changePhone, sendSmsCode } = await import('../shared/src/api/profile')
  const { handler: sendHandler } = await import('../functions/src/handlers/send-sms-code')
  const { handler: changeHandler } = await import('../functions/src/handlers/change-phone')
  const { openSession } = await import('../functions/src/services/sessions')

  const people: { token: string; phone: string }[] = []
  const prepare = async (i: number) => {
    const p = await makeDepositor()
    // a second session, so changePhone has one to end, as it would for a person signed in twice
    await openSession({ ...p.session, channel: 'weapp' })
    people[i] = { token: p.token, phone: freshPhone() }
  }
  const send = async (i: number) => {
    const p = people[i] as { token: string; phone: string }
    const res = await sendHandler(eventFor(sendSmsCode, { purpose: 'changePhone', phone: p.phone }, { token: p.token }))
    if (res.statusCode !== 200) throw new Error(res.body)
  }
  await measure('sendSmsCode (local SMS adapter)', n, send, prepare)
  await measure(
    'changePhone (1 other session ended)',
    n,
    async (i) => {
      const p = people[i] as { token: string; phone: string }
      const res = await changeHandler(
        eventFor(changePhone, { newPhone: p.phone, smsCode: lastCodeSentTo(p.phone) }, { token: p.token }),
      )
      if (res.statusCode !== 200) throw new Error(res.body)
    },
    async (i) => {
      await prepare(i)
      await send(i)
    },
  )
}
