// The closed set of errors the web app answers with, mapped to statuses in one place.
export type ErrorCode = 'NOT_FOUND' | 'LINK_INVALID' | 'CSRF_INVALID' | 'INVALID_INPUT' | 'TOO_LARGE' | 'RATE_LIMITED' | 'CONFLICT' | 'UNAVAILABLE' | 'INTERNAL' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export class AppError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly fields: string[] = []) {
    super(message);
  }
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
      return 404;
    case 'LINK_INVALID':
    case 'CSRF_INVALID':
      return 403;
    case 'INVALID_INPUT':
      return 422;
    case 'TOO_LARGE':
      return 413;
    case 'RATE_LIMITED':
      return 429;
    case 'CONFLICT':
      return 409;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
  }
}

/** Errors the web plugins raise (CSRF, uploads, schema validation), said in the closed set. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const err = error as Error & { code?: string; statusCode?: number; validation?: unknown };
  if (err.code === 'FST_CSRF_MISSING_SECRET' || err.code === 'FST_CSRF_INVALID_TOKEN') {
    return new AppError('CSRF_INVALID', 'Biểu mẫu đã hết hiệu lực hoặc thiếu mã bảo vệ (CSRF). Hãy mở lại trang và gửi lại. / The form has expired or lacks its security token (CSRF). Open the page again and resend.');
  }
  if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT' || err.code === 'FST_FIELDS_LIMIT') {
    return new AppError('TOO_LARGE', 'Nội dung gửi lên quá lớn hoặc quá nhiều tệp. / The form sent too much data or too many files.');
  }
  if (err.validation || (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500)) return new AppError('INVALID_INPUT', err.message);
  return new AppError('INTERNAL', 'Đã có lỗi xảy ra. / Something went wrong.');
}
