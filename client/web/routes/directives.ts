// The coordinator's pages: directives with progress, a directive's task matrix with amend and
// cancel, and one task with its history, where reports are reviewed and extensions decided. Each
// action is a Temporal update; the page shows the workflow's answer or the field it refused.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { vietnamCalendar } from '../../../domain/calendar';
import { factsOfRow } from '../../../domain/board';
import { directiveProgress } from '../../../db/board-queries';
import { STATUS_LABELS, taskStatus } from '../../../domain/status';
import { AmendRequestSchema, ExtensionDecisionSchema, ReviewDecisionSchema } from '../../../domain/commands';
import { formatDateShortVi, formatDate, formatDateTime, formatNumber, type Lang } from '../../../domain/format';
import {
  amendUpdate,
  cancelDirectiveUpdate,
  decideExtensionUpdate,
  directiveWorkflowId,
  reviewReportUpdate,
} from '../../../workflows/messages';
import type { TaskRow } from '../../../db/read-model';
import { recordAudit } from '../../../db/audit';
import { eta } from '../views/layout';
import { staffPage } from '../views/staff';
import { DIRECTIVES, DIR_WORDS, MATRIX, TASK } from '../views/directives';
import { taskHistory } from '../views/task-history';
import { AppError, statusOf } from '../errors';
import { requireRole, staffContext, type StaffDeps } from './auth';
import { runUpdate } from './staff-updates';
import {
  AmendFormSchema,
  CancelFormSchema,
  DirectiveRefSchema,
  ExtensionFormSchema,
  ReviewFormSchema,
  TaskIdSchema,
  parseInput,
} from './staff-schemas';
import { consolidatedRoutes } from './consolidated';

const day = (d: string, lang: Lang) => (lang === 'vi' ? formatDateShortVi(d) : formatDate(d, 'en'));
const numberQuery = (q: unknown): string => parseInput(DirectiveRefSchema, q).so;

/** What a workflow answered an action with, shown after the redirect. */
interface Answer {
  deadline?: string;
  count?: number;
}

export const statusOfRow = (r: TaskRow, now: number) =>
  taskStatus(
    factsOfRow({
      state: r.state,
      deadline: r.deadline,
      originalDeadline: r.original_deadline,
      doneAt: r.done_at?.getTime(),
      submittedAt: r.submitted_at?.getTime(),
      extensionPending: r.snapshot.state.extension !== undefined,
    }),
    now,
    vietnamCalendar(),
  );

export const directiveRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const office = requireRole(deps.users, ['coordinator', 'admin']);
  const anyStaff = requireRole(deps.users, ['coordinator', 'supervisor', 'admin']);
  const by = (req: FastifyRequest) => `${req.staff!.name} <${req.staff!.email}>`;

  app.get('/van-ban', { preHandler: office }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const rows = await directiveProgress(deps.pool, Date.now());
    const t = DIR_WORDS[ctx.lang];
    const body = eta.renderString(DIRECTIVES, {
      t,
      rows: rows.map((r) => ({ ...r, pct: r.tasks ? Math.round((r.done / r.tasks) * 100) : 0 })),
    });
    return reply.type('text/html; charset=utf-8').send(staffPage(ctx, t.directives, body));
  });

  const renderMatrix = async (
    req: FastifyRequest,
    reply: FastifyReply,
    number: string,
    o: { notice?: string; error?: string; status?: number } = {},
  ) => {
    const ctx = staffContext(req, reply, deps);
    const { rows } = await deps.pool.query('SELECT number, title, issuer, state FROM directives WHERE number = $1', [
      number,
    ]);
    if (!rows[0]) throw new AppError('NOT_FOUND', `so: no directive ${number}`);
    const [tasks, units] = await Promise.all([
      deps.readModel.tasksOfDirective(number),
      deps.pool.query('SELECT code, name FROM units'),
    ]);
    const names = new Map(units.rows.map((u) => [u.code as string, u.name as string]));
    const now = Date.now();
    const t = DIR_WORDS[ctx.lang];
    const body = eta.renderString(MATRIX, {
      t,
      d: rows[0],
      csrf: ctx.csrf,
      notice: o.notice,
      error: o.error,
      tasks: tasks.map((r) => {
        const status = statusOfRow(r, now);
        const last = r.snapshot.state.reports.at(-1);
        return {
          id: r.workflow_id,
          unit: r.unit_code,
          unitName: names.get(r.unit_code) ?? r.unit_code,
          cycle: r.cycle,
          status,
          statusLabel: STATUS_LABELS[status][ctx.lang],
          deadline: day(r.deadline, ctx.lang),
          level: r.escalation_level,
          report: last ? `${last.receipt}: ${last.review}` : t.noReport,
          lastChase: r.snapshot.state.chases.at(-1)
            ? formatDateTime(r.snapshot.state.chases.at(-1)!.at, ctx.lang)
            : '—',
        };
      }),
    });
    return reply
      .status(o.status ?? 200)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(staffPage(ctx, number, body));
  };

  app.get('/van-ban/ma-tran', { preHandler: office }, async (req, reply) => {
    const number = numberQuery(req.query);
    return renderMatrix(req, reply, number, { notice: noticeOf(req, staffContext(req, reply, deps).lang) });
  });

  /** Runs an action; a refusal shows the page again with the reason, a success redirects to it. */
  const act = async (
    reply: FastifyReply,
    render: (o: { error: string; status: number }) => Promise<unknown>,
    done: string,
    work: () => Promise<Answer>,
  ) => {
    let answer: Answer;
    try {
      answer = await work();
    } catch (err) {
      if (!(err instanceof AppError) || err.code === 'INTERNAL' || err.code === 'UNAVAILABLE') throw err;
      return render({ error: err.message, status: statusOf(err.code) });
    }
    return reply.redirect(
      `${done}${answer.deadline ? `&han=${answer.deadline}` : ''}${answer.count !== undefined ? `&so-luong=${answer.count}` : ''}`,
      303,
    );
  };
  /** The notice after an action: what was done, with the workflow's answer (a deadline, a count). */
  const noticeOf = (req: FastifyRequest, lang: Lang): string | undefined => {
    const q = req.query as { ok?: string; han?: string; 'so-luong'?: string };
    const said = q.ok ? DIR_WORDS[lang].ok[q.ok] : undefined;
    if (!said) return undefined;
    const deadline =
      q.han && /^\d{4}-\d{2}-\d{2}$/.test(q.han) ? ` ${DIR_WORDS[lang].deadline}: ${day(q.han, lang)}.` : '';
    const count = q['so-luong'] && /^\d{1,6}$/.test(q['so-luong']) ? ` (${q['so-luong']})` : '';
    return said + count + deadline;
  };

  app.post('/van-ban/dieu-chinh', { preHandler: [app.csrfProtection, office] }, async (req, reply) => {
    const number = numberQuery(req.body);
    const body = req.body as Record<string, string>;
    return act(
      reply,
      (o) => renderMatrix(req, reply, number, o),
      `/van-ban/ma-tran?so=${encodeURIComponent(number)}&ok=${body.kind === 'remove' ? 'removed' : 'moved'}`,
      async () => {
        const form = parseInput(AmendFormSchema, body);
        const request = parseInput(AmendRequestSchema, { ...form, by: by(req) });
        const result = await runUpdate(deps.temporal, directiveWorkflowId(number), amendUpdate, request);
        await recordAudit(deps.pool, {
          actor: req.staff!.email,
          via: 'login',
          action: `amend.${form.kind}`,
          subject: number,
          detail: form,
        });
        return { deadline: result.deadline };
      },
    );
  });

  app.post('/van-ban/huy', { preHandler: [app.csrfProtection, office] }, async (req, reply) => {
    const number = numberQuery(req.body);
    return act(
      reply,
      (o) => renderMatrix(req, reply, number, o),
      `/van-ban/ma-tran?so=${encodeURIComponent(number)}&ok=cancelled`,
      async () => {
        const form = parseInput(CancelFormSchema, req.body);
        const result = await runUpdate(deps.temporal, directiveWorkflowId(number), cancelDirectiveUpdate, {
          by: by(req),
          reason: form.reason,
        });
        await recordAudit(deps.pool, {
          actor: req.staff!.email,
          via: 'login',
          action: 'cancel',
          subject: number,
          detail: form,
        });
        return { count: result.cancelling };
      },
    );
  });

  const renderTask = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    o: { notice?: string; error?: string; status?: number; comment?: string } = {},
  ) => {
    const ctx = staffContext(req, reply, deps);
    const row = await deps.readModel.task(id);
    if (!row) throw new AppError('NOT_FOUND', `id: no task ${id}`);
    const task = row.snapshot;
    const status = statusOfRow(row, Date.now());
    const unit = await deps.readModel.unit(row.unit_code);
    const pending = task.state.reports.find((r) => r.review === 'pending');
    const named = new Map(task.spec.indicators.map((i) => [i.code, i]));
    const t = DIR_WORDS[ctx.lang];
    const ext = task.state.extension;
    const body = eta.renderString(TASK, {
      t,
      task,
      csrf: ctx.csrf,
      notice: o.notice,
      error: o.error,
      comment: o.comment ?? '',
      title: task.spec.title,
      unitName: unit?.name ?? row.unit_code,
      status,
      statusLabel: STATUS_LABELS[status][ctx.lang],
      deadline: day(task.state.deadline, ctx.lang),
      canAct: ctx.user.role !== 'supervisor',
      back:
        ctx.user.role === 'supervisor'
          ? '/giam-sat'
          : `/van-ban/ma-tran?so=${encodeURIComponent(row.directive_number)}`,
      pending: pending && {
        ...pending,
        indicators: Object.entries(pending.indicators).map(
          ([code, v]) =>
            `${named.get(code)?.name ?? code}: ${formatNumber(v, ctx.lang)} ${named.get(code)?.unit ?? ''}`,
        ),
      },
      extension: ext && `${day(ext.requested, ctx.lang)} — ${ext.reason} (${ext.by})`,
      history: taskHistory(task, ctx.lang),
    });
    return reply
      .status(o.status ?? 200)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(staffPage(ctx, task.spec.title, body));
  };

  app.get('/nhiem-vu', { preHandler: anyStaff }, async (req, reply) => {
    const { id } = parseInput(TaskIdSchema, req.query);
    return renderTask(req, reply, id, { notice: noticeOf(req, staffContext(req, reply, deps).lang) });
  });

  app.post('/nhiem-vu/duyet', { preHandler: [app.csrfProtection, office] }, async (req, reply) => {
    const { id } = parseInput(TaskIdSchema, req.body);
    const raw = req.body as Record<string, string>;
    return act(
      reply,
      (o) => renderTask(req, reply, id, { ...o, comment: raw.comment }),
      `/nhiem-vu?id=${encodeURIComponent(id)}&ok=${raw.decision === 'accept' ? 'accepted' : 'returned'}`,
      async () => {
        const form = parseInput(ReviewFormSchema, raw);
        const decision = parseInput(ReviewDecisionSchema, {
          accept: form.decision === 'accept',
          receipt: form.receipt,
          comment: form.comment || undefined,
          by: by(req),
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
        return { deadline: form.decision === 'return' ? result.deadline : undefined };
      },
    );
  });

  app.post('/nhiem-vu/gia-han', { preHandler: [app.csrfProtection, office] }, async (req, reply) => {
    const { id } = parseInput(TaskIdSchema, req.body);
    const raw = req.body as Record<string, string>;
    return act(
      reply,
      (o) => renderTask(req, reply, id, o),
      `/nhiem-vu?id=${encodeURIComponent(id)}&ok=${raw.decision === 'approve' ? 'approved' : 'rejected'}`,
      async () => {
        const form = parseInput(ExtensionFormSchema, raw);
        const decision = parseInput(
          ExtensionDecisionSchema,
          form.decision === 'approve'
            ? { approve: true, deadline: form.deadline, comment: form.comment || undefined, by: by(req) }
            : { approve: false, comment: form.comment, by: by(req) },
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
    );
  });

  await app.register(consolidatedRoutes, { ...deps, guard: office });
};
