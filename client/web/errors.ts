// The closed set of errors the web app answers with, mapped to statuses in one place.
import type { FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
export type ErrorCode =
  | 'NOT_FOUND'
  | 'LINK_INVALID'
  | 'CSRF_INVALID'
  | 'INVALID_INPUT'
  | 'MALFORMED'
  | 'TOO_LARGE'
  | 'RATE_LIMITED'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  | 'INTERNAL'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: string[] = [],
  ) {
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
    case 'MALFORMED':
      return 400;
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

/** Connection failures of PostgreSQL (refused, shut down, starting) and Temporal (unreachable, or too busy to answer in time). */
const DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
// "Workflow Task in failed state": Temporal takes no update until the workflow's failed task is retried.
const DOWN_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|14 UNAVAILABLE|4 DEADLINE_EXCEEDED|Workflow Task in failed state/i;

/** A part dondoc depends on is down or restarting: the request may succeed later. */
export function isUnavailable(error: unknown): boolean {
  for (
    let e = error as (Error & { code?: unknown; cause?: unknown }) | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    // gRPC UNAVAILABLE, DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED; an update Temporal did not take in time.
    if ((typeof e.code === 'string' && DOWN_CODES.has(e.code)) || e.code === 14 || e.code === 4 || e.code === 8)
      return true;
    if (e.name === 'WorkflowUpdateRPCTimeoutOrCancelledError') return true;
    if (typeof e.message === 'string' && DOWN_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** A route schema's refusal (the API's zod schemas), named by field as parseInput names it: "level: Too big: …". */
function invalidFields(error: unknown): AppError | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const fields = error.validation.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean).join('.');
    // zod names a plain object made in another realm (the test runner's vm) by its constructor.
    return `${path || '(root)'}: ${(v.message ?? '').replace(/, received Object$/, ', received object')}`;
  });
  return new AppError('INVALID_INPUT', fields.join('; '), fields);
}

/** Errors the web plugins raise (CSRF, uploads, schema validation), said in the closed set. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const invalid = invalidFields(error);
  if (invalid) return invalid;
  if (isUnavailable(error))
    return new AppError(
      'UNAVAILABLE',
      'Hệ thống đang tạm gián đoạn; xin thử lại sau ít phút. / The system is briefly unavailable; try again in a few minutes.',
    );
  const err = error as Error & { code?: string; statusCode?: number; validation?: unknown };
  if (err.code === 'FST_CSRF_MISSING_SECRET' || err.code === 'FST_CSRF_INVALID_TOKEN') {
    return new AppError(
      'CSRF_INVALID',
      'Biểu mẫu đã hết hiệu lực hoặc thiếu mã bảo vệ (CSRF). Hãy mở lại trang và gửi lại. / The form has expired or lacks its security token (CSRF). Open the page again and resend.',
    );
  }
  if (
    err.statusCode === 413 ||
    err.code === 'FST_REQ_FILE_TOO_LARGE' ||
    err.code === 'FST_FILES_LIMIT' ||
    err.code === 'FST_PARTS_LIMIT' ||
    err.code === 'FST_FIELDS_LIMIT'
  ) {
    return new AppError(
      'TOO_LARGE',
      'Nội dung gửi lên quá lớn hoặc quá nhiều tệp. / The form sent too much data or too many files.',
    );
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError('INVALID_INPUT', 'content-type: this kind of content is not accepted here', ['content-type']);
  // A multipart body that breaks off or names no boundary: the form did not arrive whole.
  if (
    /^Multipart: Boundary not found|unexpected end of multipart data/i.test(err.message ?? '') ||
    err.code === 'FST_MP_PREMATURE_CLOSE' ||
    err.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE'
  ) {
    return new AppError(
      'INVALID_INPUT',
      'Biểu mẫu gửi lên không trọn vẹn (multipart); hãy gửi lại. / The form arrived incomplete (multipart); send it again.',
      ['content-type'],
    );
  }
  if (err.validation || (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500))
    return new AppError('INVALID_INPUT', err.message);
  return new AppError('INTERNAL', 'Đã có lỗi xảy ra. / Something went wrong.');
}

/**
 * The one error handler: every error is said in the closed set, with its status; the API (and a
 * client asking for JSON) gets the code, message and fields, a browser the error page. A server
 * error is logged and its details kept from the answer.
 */
export function answerErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    const appErr = toAppError(error);
    if (appErr.code === 'INTERNAL') req.log.error({ err: error }, 'request failed');
    if (appErr.code === 'UNAVAILABLE') req.log.warn({ err: error }, 'a part is unavailable');
    const status = statusOf(appErr.code);
    if (status === 503) reply.header('retry-after', '30');
    if (req.headers.accept?.includes('application/json') || req.url.startsWith('/api/'))
      return reply.status(status).send({ error: appErr.code, message: appErr.message, fields: appErr.fields });
    return reply.status(status).view('public/error', { status, message: appErr.message });
  });
  app.setNotFoundHandler((_req, reply) =>
    reply.status(404).view('public/error', { status: 404, message: 'Không tìm thấy trang. / Page not found.' }),
  );
}
