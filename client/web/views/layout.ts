// Page chrome shared by every page: Vietnamese first, readable on a phone, no script needed.
import { Eta } from 'eta';

export const eta = new Eta({ autoEscape: true, autoTrim: false, useWith: false });

const LAYOUT = `<!doctype html>
<html lang="<%= it.lang %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title><%= it.title %> · dondoc</title>
<style>
body{font-family:system-ui,"Noto Sans",Arial,sans-serif;margin:0;color:#1d2733;background:#f5f7fa;line-height:1.5}
header{background:#8a1c1c;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header a{color:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d5dbe3;padding:.35rem .5rem;text-align:left;vertical-align:top}
.card{background:#fff;border:1px solid #d5dbe3;border-radius:6px;padding:1rem;margin:.8rem 0}
.status{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#e6ecf2}
.overdue{background:#fbd5d5}.due_soon{background:#fdecc8}.done_on_time{background:#d3f0dc}.done_late{background:#f6e3c4}
pre{white-space:pre-wrap;font-family:inherit}
form.card label{display:block;font-weight:600;margin:.8rem 0 .25rem}
form.card :is(input[type=text],input[type=email],input[type=date],textarea){width:100%;box-sizing:border-box;font:inherit;padding:.45rem;border:1px solid #9aa7b5;border-radius:4px}
form.card input[type=file]{max-width:100%}
form.card button{margin-top:1rem;font:inherit;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#8a1c1c;color:#fff;cursor:pointer}
form.card [aria-invalid=true]{border-color:#b42318;outline:2px solid #f4c7c3}
.field-error{color:#b42318;margin:.25rem 0 0}
.notice{background:#d3f0dc;border:1px solid #7cc49a;padding:.8rem 1rem;border-radius:6px}
.error{background:#fbd5d5;border:1px solid #e08a8a;padding:.8rem 1rem;border-radius:6px}
.comment{background:#fff7e0;padding:.5rem;border-left:3px solid #d9a400}
.lang{text-align:right;margin:0}.muted{color:#5b6673}.scroll{overflow-x:auto}
@media (max-width:40rem){main{padding:.6rem}h1{font-size:1.35rem}.card{padding:.7rem}form.card button{width:100%}}
</style>
</head>
<body>
<header><strong>dondoc</strong><% if (it.nav) { %><nav><a href="/">Trang chủ</a> · <a href="/outbox">Hộp thư đi</a></nav><% } %></header>
<main>
<%~ it.body %>
</main>
</body>
</html>`;

/** `nav: false` for pages a department opens from a link: the office's pages are not theirs. */
export function page(title: string, body: string, lang: 'vi' | 'en' = 'vi', o: { nav?: boolean } = {}): string {
  return eta.renderString(LAYOUT, { title, body, lang, nav: o.nav ?? true });
}
