/**
 * Typed domain errors. Domain code throws these; the one error boundary in http.ts turns them into
 * responses. Anything that is not an AppError becomes a logged 500 with no detail.
 */
export interface FieldIssue {
  path: (string | number)[]
  message: string
}

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly extra: { issues?: FieldIssue[]; retryAfterSeconds?: number } = {},
  ) {
    super(message)
    this.name = new.target.name
  }
}

export class BadRequest extends AppError {
  constructor(message = '请求格式不正确') {
    super(400, 'BAD_REQUEST', message)
  }
}

export class ValidationFailed extends AppError {
  constructor(issues: FieldIssue[], message = issues[0]?.message ?? '输入有误，请检查后重试') {
    super(422, 'VALIDATION_FAILED', message, { issues })
  }
}

export class Unauthorized extends AppError {
  constructor(message = '登录已过期，请重新登录') {
    super(401, 'UNAUTHORIZED', message)
  }
}

export class Forbidden extends AppError {
  constructor(message = '您没有权限进行此操作') {
    super(403, 'FORBIDDEN', message)
  }
}

export class NotFound extends AppError {
  constructor(message = '未找到相关信息') {
    super(404, 'NOT_FOUND', message)
  }
}

export class Conflict extends AppError {
  constructor(code: string, message: string) {
    super(409, code, message)
  }
}

export class RuleViolation extends AppError {
  constructor(code: string, message: string, issues?: FieldIssue[]) {
    super(422, code, message, issues ? { issues } : {})
  }
}

export class TooManyRequests extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'TOO_MANY_REQUESTS', message, { retryAfterSeconds })
  }
}

export class ServiceUnavailable extends AppError {
  constructor(message = '系统繁忙，请稍后重试', retryAfterSeconds = 1) {
    super(503, 'SERVICE_UNAVAILABLE', message, { retryAfterSeconds })
  }
}
