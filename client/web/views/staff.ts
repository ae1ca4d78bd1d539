// The pages behind login: their templates are under staff/, each inside layouts/staff.eta (who
// is logged in, the pages their role opens, the language switch and a log-out form).
import type { FastifyReply } from 'fastify';
import type { Lang } from '../../../domain/format';
import type { User } from '../../../db/users';

export interface StaffContext {
  user: User;
  lang: Lang;
  csrf: string;
  /** The current path and query, for the language switch. */
  url: string;
}

const WORDS = {
  vi: {
    board: 'Bảng theo dõi quá hạn',
    monthly: 'Tổng hợp tháng',
    tree: 'Cây văn bản',
    directives: 'Văn bản',
    launch: 'Giao nhiệm vụ mới',
    mail: 'Thư cần xem lại',
    users: 'Người dùng',
    scorecard: 'Xếp hạng đơn vị',
    units: 'Danh mục đơn vị',
    calendar: 'Lịch nghỉ',
    logout: 'Đăng xuất',
    roles: { coordinator: 'điều phối', supervisor: 'lãnh đạo', admin: 'quản trị' },
  },
  en: {
    board: 'Overdue board',
    monthly: 'Monthly overview',
    tree: 'Directive tree',
    directives: 'Directives',
    launch: 'New directive',
    mail: 'Mail needing attention',
    users: 'Users',
    scorecard: 'Unit scorecards',
    units: 'Unit directory',
    calendar: 'Days off',
    logout: 'Log out',
    roles: { coordinator: 'coordinator', supervisor: 'supervisor', admin: 'admin' },
  },
};

export function withLang(url: string, lang: Lang): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}

/** What layouts/staff.eta reads. */
export const staffChrome = (ctx: StaffContext) => ({
  user: ctx.user,
  csrf: ctx.csrf,
  t: WORDS[ctx.lang],
  switchUrl: withLang(ctx.url, ctx.lang === 'vi' ? 'en' : 'vi'),
});

/** Sends staff/TEMPLATE.eta with what it reads, in the page language, never cached. */
export function sendStaffPage(
  reply: FastifyReply,
  ctx: StaffContext,
  template: string,
  data: object,
  status = 200,
): FastifyReply {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .view(`staff/${template}`, { ...data, lang: ctx.lang, staff: staffChrome(ctx) });
}

/** Query strings for links that keep the page's filters. */
export function queryOf(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
