// Logging in and out, and the guard every staff page and API route sits behind. A department
// link never opens these pages: only a session cookie made here does.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { langOf } from './link-guard';
import { AppError } from '../errors';
import { SESSION_HOURS, type Role, type User, type Users } from '../../../db/users';
import type { Lang } from '../../../domain/format';
import type { StaffContext } from '../views/staff';
import type { StaffDeps, WebDeps } from '../deps';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: User;
  }
}

export const SESSION_COOKIE = 'dondoc_session';
/** What staff form tokens are bound to besides the browser's cookie (department forms bind to their link). */
export const STAFF_FORMS = 'staff';
export const csrfToken = (reply: FastifyReply): string => reply.generateCsrf({ userInfo: STAFF_FORMS });
/** Per address; the account itself locks after MAX_FAILURES wrong passwords or codes. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;
const LANG_COOKIE = 'dondoc_lang';

const WORDS = {
  vi: {
    title: 'Đăng nhập',
    email: 'Địa chỉ thư điện tử',
    password: 'Mật khẩu',
    totp: 'Mã xác thực (6 chữ số, nếu tài khoản có xác thực hai lớp)',
    submit: 'Đăng nhập',
    hint: 'Trang dành cho văn phòng điều phối và lãnh đạo. Các sở, ngành, địa phương mở nhiệm vụ bằng đường liên kết trong thư.',
    bad_credentials: 'Sai địa chỉ thư, mật khẩu hoặc mã xác thực.',
    locked: 'Tài khoản tạm khóa sau nhiều lần đăng nhập sai; hãy thử lại sau 15 phút.',
    totp_setup_required:
      'Tài khoản lãnh đạo và quản trị phải có xác thực hai lớp: nhờ quản trị viên chạy "dondoc user add --totp".',
  },
  en: {
    title: 'Log in',
    email: 'Email address',
    password: 'Password',
    totp: 'Authentication code (6 digits, if the account has two-factor login)',
    submit: 'Log in',
    hint: 'For the coordinating office and the leadership. Departments, districts and agencies open their tasks from the link in their email.',
    bad_credentials: 'Wrong email address, password or authentication code.',
    locked: 'The account is locked after repeated failed logins; try again in 15 minutes.',
    totp_setup_required:
      'Supervisor and admin accounts need two-factor login: ask an administrator to run "dondoc user add --totp".',
  },
};

/** The page language: `?lang=` (remembered in a cookie for the next pages), else the cookie, else the default. */
export function staffLang(req: FastifyRequest, fallback: Lang): Lang {
  const c = req.cookies?.[LANG_COOKIE];
  return langOf(req, c === 'vi' || c === 'en' ? c : fallback);
}

/** Control characters, C1 included; a browser drops tabs and line breaks from a URL, so `/\t/host` is `//host`. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A path of this site before its query: one leading `/`, no `//`, backslash or space (a browser may read a host there). */
const onePath = (url: string): boolean => {
  const path = url.split(/[?#]/)[0];
  return path.startsWith('/') && !path.includes('//') && !path.includes('\\') && !/\s/u.test(path);
};

/**
 * Only a path on this site may follow the login, never another host. It is what a page's own URL
 * gives (visible ASCII, as `encodeURIComponent` leaves it), and it is one path both as sent and
 * decoded, with no control character either way. Anything else goes home.
 */
function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !/^[\u0021-\u007e]{1,2000}$/.test(next)) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return '/';
  }
  return onePath(next) && onePath(decoded) && !CONTROL.test(decoded) ? next : '/';
}

const homeOf = (role: Role): string => (role === 'coordinator' ? '/van-ban' : '/giam-sat');

/**
 * Lets in a logged-in user of one of `roles`. Anyone else: a page asks them to log in, the API
 * answers 401; a user of another role gets 403.
 */
export function requireRole(users: Users, roles: readonly Role[]): preHandlerAsyncHookHandler {
  return async function guard(req, reply) {
    const user = await users.sessionUser(req.cookies?.[SESSION_COOKIE]);
    if (!user) {
      if (req.url.startsWith('/api/')) throw new AppError('UNAUTHENTICATED', 'log in first');
      return reply.redirect(`/dang-nhap?next=${encodeURIComponent(req.url)}`, 303);
    }
    if (!roles.includes(user.role))
      throw new AppError(
        'FORBIDDEN',
        `Trang này dành cho vai trò: ${roles.join(', ')}. / This page is for: ${roles.join(', ')}.`,
      );
    req.staff = user;
  };
}

export function staffContext(req: FastifyRequest, reply: FastifyReply, deps: WebDeps): StaffContext {
  const lang = staffLang(req, deps.config.DEFAULT_LANG);
  const q = (req.query as { lang?: string } | undefined)?.lang;
  if (q === 'vi' || q === 'en') reply.setCookie(LANG_COOKIE, q, { path: '/', sameSite: 'lax', httpOnly: true });
  return { user: req.staff!, lang, csrf: csrfToken(reply), url: req.url };
}

interface LoginBody {
  email?: string;
  password?: string;
  totp?: string;
  next?: string;
  lang?: string;
  _csrf?: string;
}

export const authRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const secure = deps.config.publicUrl.startsWith('https:');
  const requireTotpFor: Role[] = deps.config.REQUIRE_TOTP === 'true' ? ['supervisor', 'admin'] : [];

  const render = (reply: FastifyReply, lang: Lang, o: { next: string; email?: string; error?: string }, status = 200) =>
    reply
      .status(status)
      .header('cache-control', 'no-store')
      .view('staff/login', {
        lang,
        t: WORDS[lang],
        csrf: csrfToken(reply),
        next: o.next,
        email: o.email ?? '',
        error: o.error,
        switchUrl: `/dang-nhap?lang=${lang === 'vi' ? 'en' : 'vi'}&next=${encodeURIComponent(o.next)}`,
      });

  app.get<{ Querystring: { next?: string; lang?: string } }>('/dang-nhap', async (req, reply) =>
    render(reply, staffLang(req, deps.config.DEFAULT_LANG), { next: safeNext(req.query.next) }),
  );

  app.post<{ Body: LoginBody }>(
    '/dang-nhap',
    {
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const body = req.body ?? {};
      const lang: Lang = body.lang === 'en' ? 'en' : body.lang === 'vi' ? 'vi' : deps.config.DEFAULT_LANG;
      const next = safeNext(body.next);
      if (!body.email || !body.password)
        return render(reply, lang, { next, email: body.email, error: WORDS[lang].bad_credentials }, 422);
      const result = await deps.users.login({
        email: body.email,
        password: body.password,
        totp: body.totp,
        requireTotpFor,
        address: req.ip,
      });
      if (!result.ok)
        return render(
          reply,
          lang,
          { next, email: body.email, error: WORDS[lang][result.why] },
          result.why === 'locked' ? 429 : 401,
        );
      const session = await deps.users.startSession(result.user.id);
      reply.setCookie(SESSION_COOKIE, session.id, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: SESSION_HOURS * 3600,
      });
      return reply.redirect(next === '/' ? homeOf(result.user.role) : next, 303);
    },
  );

  app.post('/dang-xuat', { preHandler: app.csrfProtection }, async (req, reply) => {
    const id = req.cookies?.[SESSION_COOKIE];
    if (id) await deps.users.endSession(id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/dang-nhap', 303);
  });
};
