// A supervisor asks a unit to explain an overdue or returned task (from the board, the monthly
// overview or the task page), and reads the answer and its documents. The request itself is a
// workflow started by client/explanations.ts.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { vietnamCalendar } from '../../../domain/calendar';
import { formatDate } from '../../../domain/format';
import { localDateOf } from '../../../domain/local-date';
import { LocalDateSchema } from '../../../domain/schemas';
import { STATUS_LABELS } from '../../../domain/status';
import { recordAudit } from '../../../db/audit';
import { explanation, explanationsAbout } from '../../../db/explanations';
import type { TaskRow } from '../../../db/read-model';
import type { TaskStatus } from '../../../domain/status';
import { askExplanation, EXPLANATION_WORKING_DAYS, ExplanationRefused } from '../../explanations';
import { statusOfTaskRow } from '../../../db/task-rows';
import { waitFor } from '../../stack/wait';
import { AppError } from '../errors';
import { sendStaffPage, type StaffContext } from '../views/staff';
import { EXPLAIN_WORDS, explanationSection } from '../views/explanations';
import type { StaffDeps } from '../deps';
import { actor, runAction } from './staff-actions';
import { requireRole, staffContext } from './auth';
import { TaskIdSchema, parseInput } from './staff-schemas';
import { attachmentPath, contentDisposition } from './attachments';

const optionalDay = z.preprocess((v) => (v === '' ? undefined : v), LocalDateSchema.optional());
const AskFormSchema = z.object({
  id: TaskIdSchema.shape.id,
  question: z.string().trim().min(5, 'say what is to be explained').max(5000),
  deadline: optionalDay,
});
const FileQuerySchema = z.object({
  id: z.string().regex(/^explanation:[^\s]{3,200}$/, 'expected an explanation id'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256'),
});

export const explanationRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const leaders = requireRole(deps.users, ['supervisor', 'admin']);
  const anyStaff = requireRole(deps.users, ['coordinator', 'supervisor', 'admin']);

  const renderAsk = async (
    req: Parameters<typeof staffContext>[0],
    reply: Parameters<typeof staffContext>[1],
    id: string,
    o: { error?: string; status?: number; question?: string; deadline?: string } = {},
  ) => {
    const ctx = staffContext(req, reply, deps);
    const row = await deps.readModel.task(id);
    if (!row) throw new AppError('NOT_FOUND', `id: no task ${id}`);
    const w = EXPLAIN_WORDS[ctx.lang];
    const status = statusOfTaskRow(row, Date.now());
    const byDefault = vietnamCalendar().workingDaysAfter(localDateOf(Date.now()), EXPLANATION_WORKING_DAYS);
    return sendStaffPage(
      reply,
      ctx,
      'explanation-ask',
      {
        w,
        csrf: ctx.csrf,
        error: o.error,
        id,
        title: row.title,
        directive: row.directive_number,
        unitName: (await deps.readModel.unit(row.unit_code))?.name ?? row.unit_code,
        deadline: formatDate(row.deadline, ctx.lang),
        status,
        statusLabel: STATUS_LABELS[status][ctx.lang],
        question: o.question ?? w.questionDefault,
        askDeadline: o.deadline ?? '',
        byDefault: formatDate(byDefault, ctx.lang),
        back: `/nhiem-vu?id=${encodeURIComponent(id)}`,
      },
      o.status,
    );
  };

  app.get('/giai-trinh/moi', { preHandler: leaders }, async (req, reply) => {
    const { id } = parseInput(TaskIdSchema, req.query);
    return renderAsk(req, reply, id);
  });

  app.post('/giai-trinh', { preHandler: [app.csrfProtection, leaders] }, async (req, reply) => {
    const raw = (req.body ?? {}) as Record<string, string>;
    const { id } = parseInput(TaskIdSchema, raw);
    return runAction(
      reply,
      (o) => renderAsk(req, reply, id, { ...o, question: raw.question, deadline: raw.deadline }),
      `/nhiem-vu?id=${encodeURIComponent(id)}&giai-trinh=1`,
      async () => {
        if (!deps.temporal) throw new AppError('UNAVAILABLE', 'Temporal is not reachable');
        const form = parseInput(AskFormSchema, raw);
        const asked = await askExplanation(
          { client: deps.temporal, pool: deps.pool, taskQueue: deps.config.TEMPORAL_TASK_QUEUE },
          { aboutTaskId: id, question: form.question, deadline: form.deadline, askedBy: actor(req) },
        ).catch((err) => {
          if (err instanceof ExplanationRefused) throw new AppError(err.code, err.message);
          throw err;
        });
        await recordAudit(deps.pool, {
          actor: req.staff!.email,
          via: 'login',
          action: 'explanation.ask',
          subject: id,
          detail: { explanation: asked.workflowId, deadline: asked.deadline },
          key: `explanation:${asked.workflowId}`,
        });
        // The task page shows the request as sent once its mail is out: a moment.
        await waitFor('the request sent', 10_000, async () => {
          if ((await explanation(deps.pool, asked.workflowId))?.state === 'assigning') throw new Error('not yet sent');
        }).catch(() => undefined);
        return { deadline: asked.deadline };
      },
    );
  });

  app.get('/giai-trinh/tep', { preHandler: anyStaff }, async (req, reply) => {
    const q = parseInput(FileQuerySchema, req.query);
    const row = await explanation(deps.pool, q.id);
    const file = row?.snapshot.state.reports.flatMap((r) => r.attachments).find((a) => a.sha256 === q.sha256);
    if (!file) throw new AppError('NOT_FOUND', `sha256: no such document of ${q.id}`);
    const where = attachmentPath(deps.config.dataDir, file.sha256);
    if (!(await stat(where).catch(() => undefined))) throw new AppError('NOT_FOUND', 'sha256: the file is gone');
    return reply
      .header('content-disposition', contentDisposition(file.name))
      .header('cache-control', 'no-store')
      .type('application/octet-stream')
      .send(createReadStream(where));
  });
};

const EXPLAINABLE = new Set(['overdue', 'returned', 'done_late']);

/** The task page's section: the requests about the task, and the link to ask (for leaders, when it applies). */
export async function explanationsOnTaskPage(
  deps: StaffDeps,
  req: FastifyRequest,
  row: TaskRow,
  status: TaskStatus,
  ctx: StaffContext,
) {
  const rows = (await explanationsAbout(deps.pool, [row.workflow_id])).get(row.workflow_id) ?? [];
  const q = req.query as { 'giai-trinh'?: string; han?: string };
  return explanationSection(rows, {
    lang: ctx.lang,
    now: Date.now(),
    taskId: row.workflow_id,
    canAsk: ctx.user.role !== 'coordinator' && EXPLAINABLE.has(status),
    sent: q['giai-trinh'] === '1' ? q.han : undefined,
  });
}
