// The coordinator's directive pages: directives with progress, and a directive's task matrix
// with amend and cancel. Each action is a Temporal update; the page shows the workflow's answer
// or the field it refused.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { cancelDirectiveUpdate, directiveWorkflowId } from '../../../workflows/messages';
import { directiveProgress } from '../../../db/directive-progress';
import { directiveWithSpec } from '../../../db/directives';
import { unitChoices, unitNames } from '../../../db/units';
import { localDateAt } from '../../../domain/format';
import { plannedRows } from './planned-rows';
import { recordAudit } from '../../../db/audit';
import { sendStaffPage } from '../views/staff';
import { directivesView, matrixView, type Outcome } from '../views/directives';
import { AppError } from '../errors';
import type { StaffDeps } from '../deps';
import { requireRole, staffContext } from './auth';
import { runUpdate } from './staff-updates';
import { actor, noticeOf, runAction } from './staff-actions';
import { statusOfTaskRow } from '../../../db/task-rows';
import { CancelFormSchema, DirectiveRefSchema, parseInput } from './staff-schemas';
import { amendFromForm } from './amend';
import { consolidatedRoutes } from './consolidated';
import { pageCalendar } from '../calendar';
import { staffTaskRoutes } from './staff-task';

const numberIn = (q: unknown): string => parseInput(DirectiveRefSchema, q).so;
const matrixUrl = (number: string, ok: string) => `/van-ban/ma-tran?so=${encodeURIComponent(number)}&ok=${ok}`;

export const directiveRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const office = requireRole(deps.users, ['coordinator', 'admin']);

  app.get('/van-ban', { preHandler: office }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const rows = await directiveProgress(deps.pool, Date.now());
    return sendStaffPage(reply, ctx, 'directives', directivesView(rows, ctx.lang));
  });

  const renderMatrix = async (
    req: FastifyRequest,
    reply: FastifyReply,
    number: string,
    o: Outcome & { status?: number; form?: Record<string, string> } = {},
  ) => {
    const ctx = staffContext(req, reply, deps);
    const d = await directiveWithSpec(deps.pool, number);
    if (!d) throw new AppError('NOT_FOUND', `so: no directive ${number}`);
    const [tasks, names, units, calendar] = await Promise.all([
      deps.readModel.tasksOfDirective(number),
      unitNames(deps.pool),
      unitChoices(deps.pool),
      pageCalendar(deps.pool),
    ]);
    const now = Date.now();
    const figures = {
      d,
      tasks,
      planned: plannedRows(d, tasks, calendar),
      names,
      units,
      calendar,
      today: localDateAt(now),
      form: o.form,
      statusOf: (r: (typeof tasks)[number]) => statusOfTaskRow(r, now),
    };
    return sendStaffPage(reply, ctx, 'matrix', matrixView(figures, ctx.lang, ctx.csrf, o), o.status);
  };

  app.get('/van-ban/ma-tran', { preHandler: office }, async (req, reply) =>
    renderMatrix(req, reply, numberIn(req.query), {
      notice: noticeOf(req, staffContext(req, reply, deps).lang, await unitNames(deps.pool)),
    }),
  );

  app.post('/van-ban/dieu-chinh', { preHandler: [app.csrfProtection, office] }, async (req, reply) => {
    const number = numberIn(req.body);
    const kind = (req.body as { kind?: string }).kind;
    const ok = kind === 'remove' ? 'removed' : kind === 'add' ? 'added' : 'moved';
    const lang = staffContext(req, reply, deps).lang;
    return runAction(
      reply,
      (o) => renderMatrix(req, reply, number, { ...o, form: req.body as Record<string, string> }),
      matrixUrl(number, ok),
      () => amendFromForm(deps, req, number, lang),
      lang,
    );
  });

  app.post('/van-ban/huy', { preHandler: [app.csrfProtection, office] }, async (req, reply) => {
    const number = numberIn(req.body);
    return runAction(
      reply,
      (o) => renderMatrix(req, reply, number, o),
      matrixUrl(number, 'cancelled'),
      async () => {
        const form = parseInput(CancelFormSchema, req.body);
        const { cancelling } = await runUpdate(deps.temporal, directiveWorkflowId(number), cancelDirectiveUpdate, {
          by: actor(req),
          reason: form.reason,
        });
        await recordAudit(deps.pool, {
          actor: req.staff!.email,
          via: 'login',
          action: 'cancel',
          subject: number,
          detail: form,
        });
        return { count: cancelling };
      },
      staffContext(req, reply, deps).lang,
    );
  });

  await app.register(staffTaskRoutes, deps);
  // Supervisors read the consolidated report too: what came in, and who has not reported.
  await app.register(consolidatedRoutes, {
    ...deps,
    guard: requireRole(deps.users, ['coordinator', 'supervisor', 'admin']),
  });
};
