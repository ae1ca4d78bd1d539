// The department's task page: what was asked, by when, where it stands, what was sent to the
// unit, and the reports so far. The forms (views/task-forms.ts) sit between the task and history.
import type { Lang } from '../../../domain/format';
import { eta, page } from './layout';

export interface TaskPageModel {
  lang: Lang;
  notice?: string;
  directive: { number: string; title: string; issuer: string };
  title: string;
  body?: string;
  unitName: string;
  role: string;
  supportsName?: string;
  deadline: string;
  left?: string;
  status: string;
  statusLabel: string;
  acknowledgedAt?: string;
  indicators: { name: string; unit: string; target?: string }[];
  pendingExtension?: { until: string; reason: string };
  extensions: { requested: string; decided: string; deadline: string; comment?: string }[];
  sent: { at: string; kind: string; subject: string }[];
  reports: {
    receipt: string;
    at: string;
    review: string;
    reviewClass: string;
    text: string;
    by: string;
    indicators: { name: string; value: string; unit: string }[];
    attachments: { name: string; size: string; href: string }[];
    comment?: string;
  }[];
  supportReports: { unitName: string; receipt: string; at: string }[];
  forms: string;
}

export const PAGE_WORDS = {
  vi: {
    other: 'English',
    otherLang: 'en',
    directive: 'Văn bản',
    unit: 'Đơn vị',
    supports: 'Phối hợp với đơn vị chủ trì',
    deadline: 'Thời hạn',
    status: 'Tình trạng',
    acknowledged: 'Đã xác nhận nhận nhiệm vụ lúc',
    indicators: 'Chỉ tiêu cần báo cáo',
    target: 'chỉ tiêu',
    pending: 'Đề nghị gia hạn đang chờ quyết định: đến',
    extensions: 'Gia hạn',
    sent: 'Thư đã gửi cho đơn vị',
    when: 'Thời gian',
    kind: 'Loại thư',
    subject: 'Tiêu đề',
    noMail: 'Chưa có thư nào.',
    reports: 'Báo cáo đã gửi',
    noReports: 'Chưa có báo cáo.',
    receipt: 'Số tiếp nhận',
    by: 'Người gửi',
    files: 'Tệp đính kèm',
    comment: 'Ý kiến của văn phòng',
    support: 'Báo cáo của các đơn vị phối hợp',
    lostLink: 'Mất thư hoặc liên kết hết hạn? Đề nghị cấp liên kết mới',
  },
  en: {
    other: 'Tiếng Việt',
    otherLang: 'vi',
    directive: 'Directive',
    unit: 'Unit',
    supports: 'Supporting the lead unit',
    deadline: 'Deadline',
    status: 'Status',
    acknowledged: 'Receipt of the task acknowledged at',
    indicators: 'Indicators to report',
    target: 'target',
    pending: 'Extension request awaiting a decision: until',
    extensions: 'Extensions',
    sent: 'Messages sent to the unit',
    when: 'When',
    kind: 'Kind',
    subject: 'Subject',
    noMail: 'No message yet.',
    reports: 'Reports sent',
    noReports: 'No report yet.',
    receipt: 'Receipt number',
    by: 'Sent by',
    files: 'Attachments',
    comment: 'Comment from the office',
    support: 'Reports from supporting units',
    lostLink: 'Lost the email, or the link expired? Ask for a new link',
  },
} as const;

const TEMPLATE = `<p class="lang"><a href="?lang=<%= it.w.otherLang %>" hreflang="<%= it.w.otherLang %>"><%= it.w.other %></a></p>
<% if (it.m.notice) { %><div class="notice" role="status"><%= it.m.notice %></div><% } %>
<h1><%= it.m.title %></h1>
<div class="card">
<p><strong><%= it.w.directive %>:</strong> <%= it.m.directive.number %> — <%= it.m.directive.title %> (<%= it.m.directive.issuer %>)</p>
<p><strong><%= it.w.unit %>:</strong> <%= it.m.unitName %> · <%= it.m.role %></p>
<% if (it.m.supportsName) { %><p><strong><%= it.w.supports %>:</strong> <%= it.m.supportsName %></p><% } %>
<p><strong><%= it.w.deadline %>:</strong> <%= it.m.deadline %><% if (it.m.left) { %> (<%= it.m.left %>)<% } %></p>
<p><strong><%= it.w.status %>:</strong> <span class="status <%= it.m.status %>"><%= it.m.statusLabel %></span></p>
<% if (it.m.acknowledgedAt) { %><p><%= it.w.acknowledged %> <%= it.m.acknowledgedAt %>.</p><% } %>
<% if (it.m.pendingExtension) { %><p><%= it.w.pending %> <%= it.m.pendingExtension.until %> — <%= it.m.pendingExtension.reason %></p><% } %>
<% if (it.m.body) { %><pre><%= it.m.body %></pre><% } %>
<% if (it.m.indicators.length) { %><p><strong><%= it.w.indicators %>:</strong></p><ul><% it.m.indicators.forEach(function (i) { %><li><%= i.name %> (<%= i.unit %>)<% if (i.target) { %>, <%= it.w.target %> <%= i.target %><% } %></li><% }) %></ul><% } %>
</div>
<%~ it.m.forms %>
<% if (it.m.extensions.length) { %><h2><%= it.w.extensions %></h2><ul><% it.m.extensions.forEach(function (e) { %><li><%= e.requested %>: <%= e.decided %><% if (e.comment) { %> — <%= e.comment %><% } %></li><% }) %></ul><% } %>
<h2><%= it.w.reports %></h2>
<% if (it.m.reports.length === 0) { %><p><%= it.w.noReports %></p><% } %>
<% it.m.reports.forEach(function (r) { %><div class="card report">
<p><strong><%= it.w.receipt %>: <%= r.receipt %></strong> · <%= r.at %> · <span class="status <%= r.reviewClass %>"><%= r.review %></span></p>
<p><%= it.w.by %>: <%= r.by %></p>
<pre><%= r.text %></pre>
<% if (r.indicators.length) { %><ul><% r.indicators.forEach(function (i) { %><li><%= i.name %>: <strong><%= i.value %></strong> <%= i.unit %></li><% }) %></ul><% } %>
<% if (r.attachments.length) { %><p><%= it.w.files %>: <% r.attachments.forEach(function (a, n) { %><% if (n) { %>, <% } %><a href="<%= a.href %>" download><%= a.name %></a> (<%= a.size %>)<% }) %></p><% } %>
<% if (r.comment) { %><p class="comment"><strong><%= it.w.comment %>:</strong> <%= r.comment %></p><% } %>
</div><% }) %>
<% if (it.m.supportReports.length) { %><h2><%= it.w.support %></h2><ul><% it.m.supportReports.forEach(function (s) { %><li><%= s.unitName %>: <%= s.receipt %> (<%= s.at %>)</li><% }) %></ul><% } %>
<h2><%= it.w.sent %></h2>
<% if (it.m.sent.length === 0) { %><p><%= it.w.noMail %></p><% } else { %>
<div class="scroll"><table><thead><tr><th><%= it.w.when %></th><th><%= it.w.kind %></th><th><%= it.w.subject %></th></tr></thead><tbody>
<% it.m.sent.forEach(function (s) { %><tr><td><%= s.at %></td><td><%= s.kind %></td><td><%= s.subject %></td></tr><% }) %>
</tbody></table></div><% } %>
<p class="muted"><a href="/lien-ket?lang=<%= it.m.lang %>"><%= it.w.lostLink %></a></p>`;

export function renderTaskPage(m: TaskPageModel): string {
  return page(m.title, eta.renderString(TEMPLATE, { m, w: PAGE_WORDS[m.lang] }), m.lang, { nav: false });
}
