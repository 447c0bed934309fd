/**
 * Who is calling: the data a session carries, as the HTTP boundary hands it to a handler
 * (`ctx.caller`). The types live here, below everything that uses them, so that lib/http.ts needs
 * nothing from the layers above it; repository/sessions.ts stores them and services/sessions.ts
 * finds them by token.
 */
export interface DepositorSession {
  kind: 'depositor'
  depositorId: string
  centerCode: string
  accountNo: string
  loanNo: string | null
  channel: string
}

export interface StaffSession {
  kind: 'staff'
  staffId: string
  centerCode: string
  /** the staff record's first role; the information services check the record's `roles` themselves */
  role: 'reviewer' | 'publisher' | 'regionAdmin' | 'centerAdmin'
  /**
   * the member's name and every role, as at sign-in (sessions opened before decision 85 have
   * neither): what a step that checks the role again inside its own transaction reads instead of the
   * staff record (approveApplication)
   */
  name?: string
  roles?: StaffSession['role'][]
}

export type SessionData = DepositorSession | StaffSession

/** finds and refreshes the session behind a bearer token; undefined when missing, expired or revoked */
export type Authenticator = (token: string) => Promise<SessionData | undefined>
