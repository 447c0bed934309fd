/** the demo logins `npm start` prints */
export function demoLogins(): { center: string; login: string; password: string; note: string }[] {
  return []
}
