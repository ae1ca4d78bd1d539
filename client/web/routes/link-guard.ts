// What every page a department reaches without an account shares: the link check, which tells
// an outsider nothing; per-address rate limits; and form tokens (CSRF) tied to the browser's
// cookie and, behind a link, to that link, so a form from one task's page cannot act on another.
import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, type LinkGrant } from '../../../db/links';
import type { Lang } from '../../../domain/format';
import { AppError } from '../errors';
import { webSecret } from '../secret';
import type { WebDeps } from '../deps';

declare module 'fastify' {
  interface FastifyRequest {
    /** The task and recipient a department link opens, once the link has been checked. */
    linkGrant: LinkGrant | null;
  }
}

/** Vietnamese unless the page was asked for in English (or the office's default says so). */
export function langOf(req: FastifyRequest, fallback: Lang = 'vi'): Lang {
  const asked = (req.query as { lang?: unknown } | undefined)?.lang;
  return asked === 'en' || asked === 'vi' ? asked : fallback;
}

/** One sentence for tampered, expired, revoked, unknown and foreign links alike. */
export const LINK_REFUSED: Record<Lang, string> = {
  vi: 'Đường liên kết không hợp lệ hoặc đã hết hạn. Nếu cần, hãy đề nghị cấp liên kết mới tại /lien-ket.',
  en: 'This link is not valid or has expired. If you need one, ask for a new link at /lien-ket.',
};

export const linkRefused = (req: FastifyRequest, fallback: Lang = 'vi'): AppError =>
  new AppError('LINK_INVALID', LINK_REFUSED[langOf(req, fallback)]);

/** Ties a form token to the link it was issued behind; the hash, so the token itself is never fed anywhere. */
export const linkBinding = (req: FastifyRequest): string => {
  const token = (req.params as { token?: string } | undefined)?.token ?? '';
  return `link:${hashToken(token).toString('hex')}`;
};

export interface GuardOptions {
  /** What a form token is bound to besides the browser's cookie. */
  binding: (req: FastifyRequest) => string;
}

/** Registers cookies, the rate limiter and form tokens in the calling plugin's own scope. */
export async function registerGuards(app: FastifyInstance, deps: WebDeps, o: GuardOptions): Promise<void> {
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (req, ctx) =>
      new AppError(
        'RATE_LIMITED',
        langOf(req, deps.config.DEFAULT_LANG) === 'en'
          ? `Too many requests from this address; try again in ${ctx.after}.`
          : `Quá nhiều yêu cầu từ địa chỉ này; xin thử lại sau ${ctx.after}.`,
      ),
  });
  await app.register(csrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: deps.config.publicUrl.startsWith('https:') },
    getUserInfo: o.binding,
    csrfOpts: { hmacKey: webSecret(deps.config) },
    getToken: (req) => formTokenOf(req.body),
  });
}

/**
 * The form token of a body. While a multipart body is still being read (a file has just begun),
 * its fields so far are the reader's parts, each with its text in `value`.
 */
function formTokenOf(body: unknown): string {
  const value = (body as { _csrf?: unknown } | undefined)?._csrf;
  const part = value as { type?: unknown; value?: unknown } | null | undefined;
  const text = typeof part === 'object' && part?.type === 'field' ? part.value : value;
  return typeof text === 'string' ? text : '';
}

/**
 * The form token check as a promise: a file of a multipart body is read before the route's
 * preHandler runs, so the token sent before it is checked then, before the file is written.
 */
export const checkFormToken =
  (app: FastifyInstance) =>
  (req: FastifyRequest): Promise<void> =>
    new Promise((resolve, reject) =>
      app.csrfProtection(req, { send: reject } as unknown as FastifyReply, () => resolve()),
    );

/** A preParsing hook: refuses a bad link before anything of the request body is read. */
export function requireLink(app: FastifyInstance, deps: WebDeps) {
  app.decorateRequest('linkGrant', null);
  return async (req: FastifyRequest): Promise<void> => {
    const check = await deps.links.check((req.params as { token: string }).token);
    if (!check.ok) throw linkRefused(req, deps.config.DEFAULT_LANG);
    req.linkGrant = check.grant;
  };
}

/** Per-address limits: pages behind a link per minute, requests for a new link per hour. */
export const linkRateLimit = (deps: WebDeps) => ({
  rateLimit: { max: deps.config.LINK_RATE_LIMIT, timeWindow: '1 minute' },
});
export const newLinkRateLimit = (deps: WebDeps) => ({
  rateLimit: { max: deps.config.NEW_LINK_RATE_LIMIT, timeWindow: '1 hour' },
});
