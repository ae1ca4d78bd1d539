// Chrome of the pages behind login: who is logged in, the pages their role opens, the language
// switch and a log-out form. Page bodies are eta templates in the files beside this one.
import { eta, page } from './layout';
import type { Lang } from '../../../domain/format';
import type { User } from '../../../db/users';

export interface StaffContext {
  user: User;
  lang: Lang;
  csrf: string;
  /** The current path and query, for the language switch. */
  url: string;
}

const NAV = `<nav class="staff"><% if (it.user.role !== 'coordinator') { %><a href="/giam-sat"><%= it.t.board %></a> · <a href="/giam-sat/thang"><%= it.t.monthly %></a> · <% } %><a href="/giam-sat/cay"><%= it.t.tree %></a> ·
<% if (it.user.role !== 'supervisor') { %><a href="/van-ban"><%= it.t.directives %></a> · <a href="/van-ban/moi" id="nav-launch"><%= it.t.launch %></a> · <a href="/thu-can-xem"><%= it.t.mail %></a> · <% } %>
<% if (it.user.role === 'admin') { %><a href="/quan-tri/nguoi-dung"><%= it.t.users %></a> · <% } %>
<a href="<%= it.switchUrl %>"><%= it.lang === 'vi' ? 'English' : 'Tiếng Việt' %></a> ·
<span><%= it.user.name %> (<%= it.t.roles[it.user.role] %>)</span>
<form method="post" action="/dang-xuat" class="inline"><input type="hidden" name="_csrf" value="<%= it.csrf %>"><button><%= it.t.logout %></button></form></nav>
<style>nav.staff{margin:.2rem 0 1rem}form.inline{display:inline}.muted{color:#5b6875}.num{text-align:right}
.tiles{display:flex;gap:.6rem;flex-wrap:wrap}.tile{background:#fff;border:1px solid #d5dbe3;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.tile b{display:block;font-size:1.6rem}.err{color:#a30d0d}.ok{color:#17693a}label{display:block;margin:.3rem 0}
input,select,textarea,button{font:inherit}fieldset{border:1px solid #d5dbe3;margin:.5rem 0}</style>`;

const WORDS = {
  vi: {
    board: 'Bảng theo dõi quá hạn',
    monthly: 'Tổng hợp tháng',
    tree: 'Cây văn bản',
    directives: 'Văn bản',
    launch: 'Giao nhiệm vụ mới',
    mail: 'Thư cần xem lại',
    users: 'Người dùng',
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
    logout: 'Log out',
    roles: { coordinator: 'coordinator', supervisor: 'supervisor', admin: 'admin' },
  },
};

export function withLang(url: string, lang: Lang): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('lang', lang);
  return `${u.pathname}${u.search}`;
}

export function staffPage(ctx: StaffContext, title: string, body: string): string {
  const nav = eta.renderString(NAV, {
    ...ctx,
    t: WORDS[ctx.lang],
    switchUrl: withLang(ctx.url, ctx.lang === 'vi' ? 'en' : 'vi'),
  });
  return page(title, nav + body, ctx.lang);
}

/** Query strings for links that keep the page's filters. */
export function queryOf(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
