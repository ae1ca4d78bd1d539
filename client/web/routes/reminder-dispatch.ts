// "Send a formal reminder": a công văn đôn đốc to the units with overdue tasks of one directive,
// as DOCX, mailed to each unit through the outbox. The dispatch number is the key: sending the
// same number again mails nobody twice.
import type { FastifyPluginAsync, preHandlerAsyncHookHandler } from 'fastify';
import { vietnamCalendar } from '../../../domain/calendar';
import { localDateAt } from '../../../domain/format';
import { documentText } from '../../../domain/admin-document';
import { recipientsOf, reminderDispatch } from '../../../domain/reminder-dispatch';
import { createSmtpMailer, type Mailer } from '../../../activities/mailer';
import { sendLinkedMessage } from '../../../activities/outbox';
import { overdueCutoff } from '../../../domain/board';
import { type ReminderDispatchInput } from '../../../domain/reminder-dispatch';
import { edxmlConfigured, sendReminderDispatchEdxml } from '../../edxml/reminder-dispatch';
import { recordAudit } from '../../../db/audit';
import type { BoardQueries } from '../../../db/board-queries';
import { directiveHeader } from '../../../db/directives';
import { unitMailboxes } from '../../../db/units';
import { renderDocx } from '../views/docx';
import { AppError } from '../errors';
import { DispatchFormSchema, parseInput } from './staff-schemas';
import type { z } from 'zod';
import type { StaffDeps } from '../deps';

/** How long the link in a formal reminder opens the unit's task, as the assignment's link does. */
const LINK_DAYS = 400;

/** Units have this many working days from the dispatch to report. */
const REPORT_WITHIN_WORKING_DAYS = 5;

type DispatchForm = z.infer<typeof DispatchFormSchema>;
type Lines = Parameters<typeof reminderDispatch>[0]['overdue'];

export const reminderDispatchRoutes: FastifyPluginAsync<
  StaffDeps & { board: BoardQueries; guard: preHandlerAsyncHookHandler }
> = async (app, deps) => {
  const calendar = vietnamCalendar();
  let mailer: Mailer | undefined;
  app.addHook('onClose', async () => mailer?.close());
  const mailerOf = () =>
    (mailer ??= createSmtpMailer(deps.config.SMTP_URL ?? `smtp://127.0.0.1:${deps.config.SMTP_SINK_PORT}`));

  /** The dispatch to the units with overdue tasks of the directive; refused when it has none. */
  async function dispatchOf(form: DispatchForm, now: number) {
    const directive = await directiveHeader(deps.pool, form.directive);
    if (!directive) throw new AppError('NOT_FOUND', `directive: no directive ${form.directive}`, ['directive']);
    const listed = await deps.board.overdue({ directive: form.directive }, now, { limit: 2000, offset: 0 });
    // A returned report is chased to its revision date: until that has passed the unit is not late.
    const cut = overdueCutoff(now);
    const items = listed.items.filter((i) => i.state !== 'returned' || (i.revisionDue ?? i.deadline) <= cut);
    if (items.length === 0)
      throw new AppError('INVALID_INPUT', `directive: ${form.directive} has no overdue task`, ['directive']);
    const today = localDateAt(now);
    const lines: Lines = items.map((i) => ({
      unitCode: i.unit,
      unitName: i.unitName,
      title: i.title,
      deadline: i.deadline,
      workingDaysOverdue: i.daysOverdue,
    }));
    // Each unit's mail carries its own link, to its oldest overdue task.
    const taskOf = new Map<string, string>();
    for (const i of items) if (!taskOf.has(i.unit)) taskOf.set(i.unit, i.workflowId);
    const { number, title, issuer, issued_on: issuedOn } = directive;
    const input: ReminderDispatchInput = {
      number: form.number,
      date: today,
      directive: { number, title, issuer, issuedOn },
      overdue: lines,
      reportBy: calendar.workingDaysAfter(today, REPORT_WITHIN_WORKING_DAYS),
      signer: { name: form.signer, title: form.signerTitle },
    };
    return { doc: reminderDispatch(input), input, lines, taskOf };
  }

  /**
   * Mails the dispatch to every mailbox of each unit through the outbox, each with its own link
   * to report from; how many were sent.
   */
  async function mailDispatch(
    form: DispatchForm,
    doc: ReturnType<typeof reminderDispatch>,
    lines: Lines,
    taskOf: ReadonlyMap<string, string>,
  ) {
    const subject = `[${form.directive}] Công văn đôn đốc số ${form.number}`;
    const text = documentText(doc);
    const units = recipientsOf(lines).map((u) => u.code);
    const mailing = {
      pool: deps.pool,
      links: deps.links,
      publicUrl: deps.config.publicUrl,
      mailer: mailerOf(),
      from: deps.config.MAIL_FROM,
    };
    let mailed = 0;
    for (const c of await unitMailboxes(deps.pool, units)) {
      for (const email of c.emails) {
        const key = `formal-reminder:${form.number}:${c.code}:${email}`;
        const message = {
          key,
          purpose: 'formal_reminder',
          directiveNumber: form.directive,
          taskWorkflowId: taskOf.get(c.code)!,
          recipient: email,
          linkDays: LINK_DAYS,
        };
        const sent = await sendLinkedMessage(mailing, message, (link) => ({
          subject,
          text: `${text}\n\nĐường liên kết để báo cáo kết quả (dành riêng cho Quý cơ quan): ${link}\n`,
        }));
        if (sent) mailed += 1;
      }
    }
    return { mailed, units };
  }

  app.post('/giam-sat/cong-van-don-doc', { preHandler: [app.csrfProtection, deps.guard] }, async (req, reply) => {
    const form = parseInput(DispatchFormSchema, req.body);
    const now = Date.now();
    const { doc, input, lines, taskOf } = await dispatchOf(form, now);
    const docx = await renderDocx(doc);
    let mailed = 0;
    if (form.send === '1') {
      const sent = await mailDispatch(form, doc, lines, taskOf);
      mailed = sent.mailed;
      // Over the document exchange too, when this office sends edXML.
      if (edxmlConfigured(deps.config)) {
        const pkg = await sendReminderDispatchEdxml(deps, input, now);
        reply.header('x-dondoc-edxml', pkg.outcome);
      }
      await recordAudit(deps.pool, {
        actor: req.staff!.email,
        via: 'login',
        action: 'formal_reminder',
        subject: form.directive,
        detail: { number: form.number, units: sent.units },
        key: `formal-reminder:${form.number}`,
      });
    }
    const file = `cong-van-don-doc-${form.number.replace(/[^\p{L}0-9]+/gu, '-')}.docx`;
    return reply
      .header('content-disposition', `attachment; filename="${file.normalize('NFD').replace(/[^\x20-\x7e]/g, '')}"`)
      .header('x-dondoc-mailed', String(mailed))
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .send(docx);
  });
};
