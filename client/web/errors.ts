// The closed set of errors the web app answers with, mapped to statuses in one place.
export type ErrorCode = 'NOT_FOUND' | 'LINK_INVALID' | 'INVALID_INPUT' | 'CONFLICT' | 'UNAVAILABLE' | 'INTERNAL';

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
      return 403;
    case 'INVALID_INPUT':
      return 422;
    case 'CONFLICT':
      return 409;
    case 'UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
  }
}
