// What every request that changes something must be before a route reads it: the content type
// its route reads (JSON for the API, a form for the pages), and text that is text. A NUL byte or
// a character from bytes that were not UTF-8 would be stored garbled, or refused by PostgreSQL
// long after the answer, where no one can see it: such a field is refused here, by its name.
// A form's fields are text, each sent once: a multipart part typed as JSON would arrive as an
// object, and a field sent twice as a list no route expects. A route that takes a list (ticked
// boxes, files kept from an earlier try) names it in its config as `formLists`.
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The form fields this route takes as a list; any other field sent twice is refused. */
    formLists?: readonly string[];
  }
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
/** C0 control characters other than tab and line ends; U+FFFD stands for bytes that were not UTF-8. */
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The first string in a parsed body (nested fields named with dots) that is not plain text. */
function firstNotText(value: unknown, field: string, depth = 0): { field: string; char: string } | undefined {
  if (typeof value === 'string') {
    const m = NOT_TEXT.exec(value);
    return m ? { field, char: m[0] } : undefined;
  }
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const found = firstNotText(v, field ? `${field}.${k}` : k, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const typeOf = (req: FastifyRequest): string =>
  String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();

/** For the JSON API's POST routes: a body that is not JSON is refused by its content type. */
export async function requireJson(req: FastifyRequest): Promise<void> {
  if (typeOf(req) !== 'application/json')
    throw new AppError('INVALID_INPUT', `content-type: expected application/json, got ${typeOf(req) || 'none'}`, [
      'content-type',
    ]);
}

/** Refuses the first string in a parsed body or query that is not text, naming its field (`body` for a body that is one string). */
export function refuseNotText(value: unknown): void {
  const bad = firstNotText(value, '');
  if (!bad) return;
  const why =
    bad.char === '\uFFFD' ? 'is not valid UTF-8 text' : `contains a control character (${codePoint(bad.char)})`;
  const vi =
    bad.char === '\uFFFD' ? 'không phải văn bản UTF-8 hợp lệ' : `chứa ký tự điều khiển (${codePoint(bad.char)})`;
  throw new AppError('INVALID_INPUT', `${bad.field || 'body'}: ${vi} / ${bad.field || 'body'}: ${why}`, [
    bad.field || 'body',
  ]);
}

/** Refuses a form field that is not text, or is sent more than once where its route takes one. */
function refuseOddFields(body: unknown, lists: readonly string[]): void {
  if (body === null || typeof body !== 'object') return;
  for (const [field, value] of Object.entries(body)) {
    const list = Array.isArray(value);
    if (list && !lists.includes(field))
      throw new AppError(
        'MALFORMED',
        `${field}: trường này chỉ được gửi một lần / ${field}: this field may be sent only once`,
        [field],
      );
    if (!(list ? value : [value]).every((v: unknown) => typeof v === 'string'))
      throw new AppError('MALFORMED', `${field}: phải là văn bản / ${field}: must be text`, [field]);
  }
}

/**
 * A preHandler hook (bodies of every kind are parsed by then): refuses a body of the wrong type,
 * a form field that is not text or is sent twice, or a field that is not text, naming it. A
 * query is checked where a route reads it (`parseInput`), after the login check.
 */
export async function guardInput(req: FastifyRequest): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  // The API says what it takes once it knows who is asking (requireJson, after the login check).
  if (req.body !== undefined && !req.url.startsWith('/api/') && !FORM_TYPES.includes(typeOf(req))) {
    throw new AppError(
      'INVALID_INPUT',
      `content-type: expected a form (${FORM_TYPES.join(' or ')}), got ${typeOf(req) || 'none'}`,
      ['content-type'],
    );
  }
  if (FORM_TYPES.includes(typeOf(req))) refuseOddFields(req.body, req.routeOptions.config.formLists ?? []);
  refuseNotText(req.body);
}
