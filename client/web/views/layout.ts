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
</style>
</head>
<body>
<header><strong>dondoc</strong><nav><a href="/">Trang chủ</a> · <a href="/outbox">Hộp thư đi</a></nav></header>
<main>
<%~ it.body %>
</main>
</body>
</html>`;

export function page(title: string, body: string, lang: 'vi' | 'en' = 'vi'): string {
  return eta.renderString(LAYOUT, { title, body, lang });
}
