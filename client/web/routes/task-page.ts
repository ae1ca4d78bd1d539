// The department's page, opened from the link in its email. GET only shows: mail scanners
// prefetch links, so nothing here spends or changes anything.
import type { FastifyPluginAsync } from 'fastify';
import { vietnamCalendar } from '../../../domain/calendar';
import { taskStatus, STATUS_LABELS } from '../../../domain/status';
import { formatDate, workingDaysPhrase } from '../../../domain/format';
import { localDateOf } from '../../../domain/local-date';
import { eta, page } from '../views/layout';
import { AppError } from '../errors';
import type { WebDeps } from '../app';

const TASK = `<p><a href="?lang=<%= it.lang === 'vi' ? 'en' : 'vi' %>"><%= it.lang === 'vi' ? 'English' : 'Tiếng Việt' %></a></p>
<h1><%= it.task.spec.title %></h1>
<div class="card">
<p><strong><%= it.t.directive %>:</strong> <%= it.task.directive.number %> — <%= it.task.directive.title %> (<%= it.task.directive.issuer %>)</p>
<p><strong><%= it.t.unit %>:</strong> <%= it.unitName %> · <%= it.task.spec.role === 'lead' ? it.t.lead : it.t.support %></p>
<p><strong><%= it.t.deadline %>:</strong> <%= it.deadline %> (<%= it.left %>)</p>
<p><strong><%= it.t.status %>:</strong> <span class="status <%= it.status %>"><%= it.statusLabel %></span></p>
<% if (it.task.spec.body) { %><pre><%= it.task.spec.body %></pre><% } %>
</div>
<h2><%= it.t.sent %></h2>
<table><thead><tr><th><%= it.t.when %></th><th><%= it.t.subject %></th></tr></thead><tbody>
<% it.sent.forEach(function (m) { %><tr><td><%= m.at %></td><td><%= m.subject %></td></tr><% }) %>
</tbody></table>
<h2><%= it.t.reports %></h2>
<% if (it.task.state.reports.length === 0) { %><p><%= it.t.noReports %></p><% } %>
<% it.task.state.reports.forEach(function (r) { %><div class="card"><p><strong><%= r.receipt %></strong> · <%= r.review %></p><pre><%= r.text %></pre><% if (r.reviewComment) { %><p><em><%= r.reviewComment %></em></p><% } %></div><% }) %>`;

const WORDS = {
  vi: { directive: 'Văn bản', unit: 'Đơn vị', lead: 'chủ trì', support: 'phối hợp', deadline: 'Thời hạn', status: 'Tình trạng', sent: 'Thư đã gửi cho đơn vị', when: 'Thời gian', subject: 'Tiêu đề', reports: 'Báo cáo', noReports: 'Chưa có báo cáo.', forbidden: 'Liên kết không hợp lệ hoặc đã hết hạn.' },
  en: { directive: 'Directive', unit: 'Unit', lead: 'lead', support: 'support', deadline: 'Deadline', status: 'Status', sent: 'Messages sent to the unit', when: 'When', subject: 'Subject', reports: 'Reports', noReports: 'No report yet.', forbidden: 'This link is not valid or has expired.' },
};

export const taskPageRoutes: FastifyPluginAsync<WebDeps> = async (app, deps) => {
  app.get<{ Params: { token: string }; Querystring: { lang?: string } }>('/t/:token', async (req, reply) => {
    const lang = req.query.lang === 'en' ? 'en' : 'vi';
    const check = await deps.links.check(req.params.token);
    // Unknown, tampered, expired, revoked: one answer that tells an outsider nothing.
    if (!check.ok) throw new AppError('LINK_INVALID', WORDS[lang].forbidden);
    const row = await deps.readModel.task(check.grant.taskWorkflowId);
    if (!row) throw new AppError('NOT_FOUND', WORDS[lang].forbidden);
    const task = row.snapshot;
    const cal = vietnamCalendar();
    const now = Date.now();
    const status = taskStatus({ deadline: task.state.deadline, originalDeadline: task.state.originalDeadline, doneAt: task.state.doneAt ?? task.state.reports.at(-1)?.submittedAt, returned: task.state.phase === 'returned', extensionPending: !!task.state.extension, cancelled: task.state.phase === 'cancelled' }, now, cal);
    const { rows: sent } = await deps.pool.query(`SELECT subject, sent_at FROM outbox WHERE task_workflow_id = $1 AND $2 = ANY(recipients) AND status = 'sent' ORDER BY sent_at`, [row.workflow_id, check.grant.recipient]);
    const unit = await deps.readModel.unit(row.unit_code);
    const body = eta.renderString(TASK, {
      lang, t: WORDS[lang], task, unitName: unit?.name ?? row.unit_code, status, statusLabel: STATUS_LABELS[status][lang],
      deadline: formatDate(task.state.deadline, lang), left: workingDaysPhrase(cal.workingDaysBetween(localDateOf(now), task.state.deadline), lang),
      sent: sent.map((m) => ({ subject: m.subject, at: new Date(m.sent_at).toISOString().replace('T', ' ').slice(0, 16) })),
    });
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(page(task.spec.title, body, lang));
  });
};
