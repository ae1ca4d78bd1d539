// One task as the office sees it, with its history: where a report is reviewed and an
// extension decided. Each decision is a Temporal update on the task's workflow.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ExtensionDecisionSchema, ReviewDecisionSchema } from '../../../domain/commands';
import { decideExtensionUpdate, reviewReportUpdate } from '../../../workflows/messages';
import { recordAudit } from '../../../db/audit';
import { directivePolicy } from '../../../db/directives';
import { localDateAt } from '../../../domain/format';
import { pageCalendar } from '../calendar';
import { sendTaskFile } from './staff-files';
import { sendStaffPage } from '../views/staff';
import { staffTaskView, type Outcome } from '../views/directives';
import { AppError } from '../errors';
import type { StaffDeps } from '../deps';
import { requireRole, staffContext } from './auth';
import { runUpdate } from './staff-updates';
import { actor, noticeOf, runAction } from './staff-actions';
import { statusOfTaskRow } from '../../../db/task-rows';
import { ExtensionFormSchema, ReviewFormSchema, TaskFileSchema, TaskIdSchema, parseInput } from './staff-schemas';
import { explanationsOnTaskPage } from './explanations';

type Render = Outcome & { status?: number; comment?: string };
const taskUrl = (id: string, ok: string) => `/nhiem-vu?id=${encodeURIComponent(id)}&ok=${ok}`;

export const staffTaskRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const office = requireRole(deps.users, ['coordinator', 'admin']);
  const anyStaff = requireRole(deps.users, ['coordinator', 'supervisor', 'admin']);

  const renderTask = async (req: FastifyRequest, reply: FastifyReply, id: string, o: Render = {}) => {
    const ctx = staffContext(req, reply, deps);
    const row = await deps.readModel.task(id);
    if (!row) throw new AppError('NOT_FOUND', `id: no task ${id}`);
    const [unit, policy, calendar] = await Promise.all([
      deps.readModel.unit(row.unit_code),
      directivePolicy(deps.pool, row.directive_number),
      pageCalendar(deps.pool),
    ]);
    const now = Date.now();
    const figures = {
      row,
      unitName: unit?.name ?? row.unit_code,
      status: statusOfTaskRow(row, now),
      user: ctx.user,
      policy,
      calendar,
      today: localDateAt(now),
    };
    const explanations = await explanationsOnTaskPage(deps, req, row, figures.status, ctx);
    return sendStaffPage(
      reply,
      ctx,
      'task',
      { ...staffTaskView(figures, ctx.lang, ctx.csrf, o), explanations },
      o.status,
    );
  };

  app.get('/nhiem-vu', { preHandler: anyStaff }, async (req, reply) => {
    const { id } = parseInput(TaskIdSchema, req.query);
    return renderTask(req, reply, id, { notice: noticeOf(req, staffContext(req, reply, deps).lang) });
  });

  // A file the unit sent with one of this task's reports: the reviewer reads all that was sent.
  app.get('/nhiem-vu/tep', { preHandler: anyStaff }, async (req, reply) => {
    const { id, sha } = parseInput(TaskFileSchema, req.query);
    const row = await deps.readModel.task(id);
    if (!row) throw new AppError('NOT_FOUND', `id: no task ${id}`);
    return sendTaskFile(reply, deps.config.dataDir, row, sha);
  });

  app.post('/nhiem-vu/duyet', { preHandler: [app.csrfProtection, office] }, async (req, reply) => {
    const { id } = parseInput(TaskIdSchema, req.body);
    const raw = req.body as Record<string, string>;
    const done = taskUrl(id, raw.decision === 'accept' ? 'accepted' : 'returned');
    return runAction(
      reply,
      (o) => renderTask(req, reply, id, { ...o, comment: raw.comment }),
      done,
      async () => {
        const form = parseInput(ReviewFormSchema, raw);
        const decision = parseInput(ReviewDecisionSchema, {
          accept: form.decision === 'accept',
          receipt: form.receipt,
          comment: form.comment || undefined,
          by: actor(req),
        });
        const result = await runUpdate(deps.temporal, id, reviewReportUpdate, decision);
        await recordAudit(deps.pool, {
          actor: req.staff!.email,
          via: 'login',
          action: `review.${form.decision}`,
          subject: id,
          detail: { receipt: form.receipt },
          key: `review:${id}:${form.receipt}`,
        });
        return { revisionDue: form.decision === 'return' ? result.revisionDue : undefined };
      },
      staffContext(req, reply, deps).lang,
    );
  });

  app.post('/nhiem-vu/gia-han', { preHandler: [app.csrfProtection, office] }, async (req, reply) => {
    const { id } = parseInput(TaskIdSchema, req.body);
    const raw = req.body as Record<string, string>;
    const done = taskUrl(id, raw.decision === 'approve' ? 'approved' : 'rejected');
    return runAction(
      reply,
      (o) => renderTask(req, reply, id, o),
      done,
      async () => {
        const form = parseInput(ExtensionFormSchema, raw);
        const decision = parseInput(
          ExtensionDecisionSchema,
          form.decision === 'approve'
            ? { approve: true, deadline: form.deadline, comment: form.comment || undefined, by: actor(req) }
            : { approve: false, comment: form.comment, by: actor(req) },
        );
        const result = await runUpdate(deps.temporal, id, decideExtensionUpdate, decision);
        await recordAudit(deps.pool, {
          actor: req.staff!.email,
          via: 'login',
          action: `extension.${form.decision}`,
          subject: id,
          detail: { deadline: form.deadline },
        });
        return { deadline: result.deadline };
      },
      staffContext(req, reply, deps).lang,
    );
  });
};
