// Mail that needs the office: messages the relay refused for good (`failed`), and messages whose
// sending attempt died before the relay confirmed them (`in_doubt`: they may or may not have
// arrived). The office reads the error and sends again what it judges lost.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { formatDateTime } from '../../../domain/format';
import { sendFromOutbox } from '../../../activities/outbox';
import { createSmtpMailer, type Mailer } from '../../../activities/mailer';
import { recordAudit } from '../../../db/audit';
import { eta } from '../views/layout';
import { staffPage } from '../views/staff';
import { requireRole, staffContext, type StaffDeps } from './auth';
import { parseInput } from './staff-schemas';

const WORDS = {
  vi: {
    title: 'Thư cần xem lại',
    none: 'Không có thư nào cần xem lại.',
    when: 'Tạo lúc',
    to: 'Người nhận',
    subject: 'Tiêu đề',
    state: 'Tình trạng',
    error: 'Lỗi',
    resend: 'Gửi lại',
    failed: 'Máy chủ thư từ chối',
    in_doubt: 'Chưa rõ đã gửi được chưa',
    sent: 'Đã gửi lại.',
    notResent: 'Thư này không còn cần gửi lại.',
  },
  en: {
    title: 'Mail needing attention',
    none: 'No message needs attention.',
    when: 'Created',
    to: 'To',
    subject: 'Subject',
    state: 'State',
    error: 'Error',
    resend: 'Send again',
    failed: 'Refused by the relay',
    in_doubt: 'Delivery unknown',
    sent: 'Sent again.',
    notResent: 'This message no longer needs sending.',
  },
};

const PAGE = `<h1><%= it.t.title %></h1>
<% if (it.notice) { %><p class="notice"><%= it.notice %></p><% } %>
<% if (it.rows.length === 0) { %><p><%= it.t.none %></p><% } else { %>
<table><thead><tr><th><%= it.t.when %></th><th><%= it.t.to %></th><th><%= it.t.subject %></th><th><%= it.t.state %></th><th><%= it.t.error %></th><th></th></tr></thead><tbody>
<% it.rows.forEach(function (m) { %><tr><td><%= m.when %></td><td><%= m.to %></td><td><%= m.subject %></td><td><%= m.state %></td><td><%= m.error %></td>
<td><form method="post" action="/thu-can-xem/gui-lai"><input type="hidden" name="_csrf" value="<%= it.csrf %>"><input type="hidden" name="key" value="<%= m.key %>"><button><%= it.t.resend %></button></form></td></tr>
<% }) %></tbody></table><% } %>`;

const ResendSchema = z.object({ key: z.string().min(1).max(500) });

export const mailAttentionRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const office = requireRole(deps.users, ['coordinator', 'admin']);
  let mailer: Mailer | undefined;
  app.addHook('onClose', async () => mailer?.close());
  const mailerOf = () =>
    (mailer ??= createSmtpMailer(deps.config.SMTP_URL ?? `smtp://127.0.0.1:${deps.config.SMTP_SINK_PORT}`));

  app.get<{ Querystring: { sent?: string } }>('/thu-can-xem', { preHandler: office }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const t = WORDS[ctx.lang];
    const { rows } = await deps.pool.query(
      `SELECT key, recipients, subject, status, last_error, created_at FROM outbox WHERE status IN ('failed', 'in_doubt') ORDER BY created_at DESC LIMIT 500`,
    );
    const body = eta.renderString(PAGE, {
      t,
      csrf: ctx.csrf,
      notice: req.query.sent === '1' ? t.sent : req.query.sent === '0' ? t.notResent : undefined,
      rows: rows.map((m) => ({
        key: m.key,
        to: m.recipients.join(', '),
        subject: m.subject,
        state: t[m.status as 'failed' | 'in_doubt'],
        error: m.last_error ?? '',
        when: formatDateTime(m.created_at.getTime(), ctx.lang),
      })),
    });
    return reply
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(staffPage(ctx, t.title, body));
  });

  app.post('/thu-can-xem/gui-lai', { preHandler: [app.csrfProtection, office] }, async (req, reply) => {
    const { key } = parseInput(ResendSchema, req.body);
    // Only a message still waiting for a decision goes back to the queue, so two clicks send once.
    const { rowCount } = await deps.pool.query(
      `UPDATE outbox SET status = 'pending' WHERE key = $1 AND status IN ('failed', 'in_doubt')`,
      [key],
    );
    // A relay still failing leaves the message queued with its new error, for the next try.
    const sent = rowCount
      ? await sendFromOutbox({ pool: deps.pool, mailer: mailerOf(), from: deps.config.MAIL_FROM }, key).catch(
          () => false,
        )
      : false;
    if (sent)
      await recordAudit(deps.pool, {
        actor: req.staff!.email,
        via: 'login',
        action: 'resend_mail',
        subject: key,
        key: `resend:${key}:${Date.now()}`,
      });
    return reply.redirect(`/thu-can-xem?sent=${sent ? 1 : 0}`, 303);
  });
};
