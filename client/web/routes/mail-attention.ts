// Mail that needs the office: messages the relay refused for good (`failed`), and messages whose
// sending attempt died before the relay confirmed them (`in_doubt`: they may or may not have
// arrived). The office reads the error and sends again what it judges lost.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { formatDateTime } from '../../../domain/format';
import { sendFromOutbox } from '../../../activities/outbox';
import { createSmtpMailer, type Mailer } from '../../../activities/mailer';
import { recordAudit } from '../../../db/audit';
import { mailNeedingAttention, requeueMail } from '../../../db/outbox';
import { sendStaffPage } from '../views/staff';
import type { StaffDeps } from '../deps';
import { requireRole, staffContext } from './auth';
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
    const rows = await mailNeedingAttention(deps.pool);
    return sendStaffPage(reply, ctx, 'mail-attention', {
      t,
      csrf: ctx.csrf,
      notice: req.query.sent === '1' ? t.sent : req.query.sent === '0' ? t.notResent : undefined,
      rows: rows.map((m) => ({
        key: m.key,
        to: m.recipients.join(', '),
        subject: m.subject,
        state: t[m.status],
        error: m.lastError ?? '',
        when: formatDateTime(m.createdAt.getTime(), ctx.lang),
      })),
    });
  });

  app.post('/thu-can-xem/gui-lai', { preHandler: [app.csrfProtection, office] }, async (req, reply) => {
    const { key } = parseInput(ResendSchema, req.body);
    // A relay still failing leaves the message queued with its new error, for the next try.
    const sent = (await requeueMail(deps.pool, key))
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
