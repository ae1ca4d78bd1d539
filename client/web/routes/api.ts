// The JSON API under /api/v1, behind the same login and roles as the pages. Each route's zod
// schemas validate the request, type its handler, check its answer and become the OpenAPI
// document (api-document.ts). Who is asking is checked first, then what they sent.
import { z } from 'zod';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { vietnamCalendar } from '../../../domain/calendar';
import { overdueShare } from '../../../domain/board';
import { ReviewDecisionSchema } from '../../../domain/commands';
import { reviewReportUpdate } from '../../../workflows/messages';
import { createBoardQueries } from '../../../db/board-queries';
import { directiveProgress } from '../../../db/directive-progress';
import { recordAudit } from '../../../db/audit';
import type { Role } from '../../../db/users';
import { AppError } from '../errors';
import { refuseNotText, requireJson } from '../input-guard';
import type { StaffDeps } from '../deps';
import { csrfToken, requireRole, staffLang } from './auth';
import { runUpdate } from './staff-updates';
import { consolidatedOf } from './consolidated';
import { actor } from './staff-actions';
import { statusOfTaskRow } from '../../../db/task-rows';
import {
  BoardQuerySchema,
  BoardResponseSchema,
  DirectiveRefSchema,
  DirectiveRowSchema,
  TaskIdSchema,
  parseInput,
} from './staff-schemas';
import { ConsolidatedSchema, ReviewBodySchema, ReviewResultSchema, SessionSchema, TaskSchema } from './api-schemas';
import { refuseOtherMethods, registerApiDocument } from './api-document';
import { listSealer } from './sealed-lists';

const PAGE = 50;
const ALL: Role[] = ['coordinator', 'supervisor', 'admin'];
const OFFICE: Role[] = ['coordinator', 'admin'];
const LEADERS: Role[] = ['supervisor', 'admin'];

/** An answer of the API is about one moment and one user: never cached. */
async function noStore(_req: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store');
}

/** A text that is not text (a NUL byte, bytes that were not UTF-8) is refused by its field before any schema reads it. */
async function refuseControlCharacters(req: FastifyRequest): Promise<void> {
  refuseNotText(req.query);
  refuseNotText(req.body);
}

export const apiRoutes: FastifyPluginAsync<StaffDeps> = async (parent, deps) => {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await registerApiDocument(app);
  const board = createBoardQueries(deps.pool, vietnamCalendar());

  /** A GET route's options: its roles, what it is for and its schemas; its answer is never cached. */
  const get = <S extends FastifySchema>(roles: Role[], summary: string, schema: S) => ({
    onRequest: requireRole(deps.users, roles),
    preValidation: refuseControlCharacters,
    preHandler: noStore,
    schema: { summary, description: `Roles: ${roles.join(', ')}`, ...schema },
  });
  /** A POST route's: the same, and a JSON body carrying the form token. */
  const post = <S extends FastifySchema>(roles: Role[], summary: string, schema: S) => ({
    ...get(roles, summary, schema),
    preValidation: [requireJson, app.csrfProtection, refuseControlCharacters],
  });

  app.get(
    '/api/v1/session',
    get(ALL, 'Who is logged in, and the CSRF token POST requests carry as _csrf', {
      response: { 200: SessionSchema },
    }),
    async (req, reply) => {
      const { email, name, role } = req.staff!;
      return { user: { email, name, role }, csrfToken: csrfToken(reply) };
    },
  );

  app.get(
    '/api/v1/board',
    get(LEADERS, 'Bucket counts, overdue share and the overdue list, filtered', {
      // Strict: the API names a query parameter it does not know (a misspelt filter would otherwise be ignored).
      querystring: BoardQuerySchema.strict(),
      response: { 200: BoardResponseSchema },
    }),
    async (req) => {
      const q = req.query;
      const now = Date.now();
      const [counts, list] = await Promise.all([
        board.counts({ directive: q.directive, unit: q.unit }, now),
        board.overdue({ directive: q.directive, unit: q.unit, level: q.level, minDaysOverdue: q.days }, now, {
          limit: PAGE,
          offset: ((q.page ?? 1) - 1) * PAGE,
        }),
      ]);
      const seal = await listSealer(deps.pool, req.staff!.role, staffLang(req, deps.config.DEFAULT_LANG));
      const items = seal(list.items, (i) => i.directive).map((i) => ({
        ...i,
        lastChaseAt: i.lastChaseAt?.toISOString() ?? null,
      }));
      return { counts, overdueShare: overdueShare(counts), ...list, items };
    },
  );

  app.get(
    '/api/v1/directives',
    get(OFFICE, 'Directives with their progress, newest first', { response: { 200: z.array(DirectiveRowSchema) } }),
    async () => directiveProgress(deps.pool, Date.now()),
  );

  app.get(
    '/api/v1/directives/consolidated',
    get(ALL, 'Indicator values of accepted reports summed by unit and cycle, and the units not reported yet', {
      querystring: DirectiveRefSchema.strict(),
      response: { 200: ConsolidatedSchema },
    }),
    async (req) => (await consolidatedOf(deps.pool, req.query.so)).r,
  );

  app.get(
    '/api/v1/tasks',
    get(ALL, 'One task with its status and full state (reports, chases, extensions)', {
      querystring: TaskIdSchema.strict(),
      response: { 200: TaskSchema },
    }),
    async (req) => {
      const row = await deps.readModel.task(req.query.id);
      if (!row) throw new AppError('NOT_FOUND', `id: no task ${req.query.id}`);
      return {
        workflowId: row.workflow_id,
        directive: row.directive_number,
        unit: row.unit_code,
        status: statusOfTaskRow(row, Date.now()),
        deadline: row.deadline,
        escalationLevel: row.escalation_level,
        state: { ...row.snapshot.state },
      };
    },
  );

  app.post(
    '/api/v1/tasks/review',
    post(OFFICE, 'Accept a report, or return it with a comment', {
      body: ReviewBodySchema,
      response: { 200: ReviewResultSchema },
    }),
    async (req) => {
      const b = req.body;
      const decision = parseInput(ReviewDecisionSchema, {
        accept: b.accept,
        receipt: b.receipt,
        comment: b.comment,
        by: actor(req),
      });
      const result = await runUpdate(deps.temporal, b.id, reviewReportUpdate, decision);
      await recordAudit(deps.pool, {
        actor: req.staff!.email,
        via: 'api',
        action: `review.${b.accept ? 'accept' : 'return'}`,
        subject: b.id,
        detail: { receipt: b.receipt },
        key: `review:${b.id}:${b.receipt}`,
      });
      return result;
    },
  );

  const paths: Record<string, string[]> = {
    '/api/v1/session': ['GET'],
    '/api/v1/board': ['GET'],
    '/api/v1/directives': ['GET'],
    '/api/v1/directives/consolidated': ['GET'],
    '/api/v1/tasks': ['GET'],
    '/api/v1/tasks/review': ['POST'],
  };
  for (const [url, allowed] of Object.entries(paths)) refuseOtherMethods(app, url, allowed);

  app.get('/api/v1/openapi.json', { onRequest: requireRole(deps.users, ALL), schema: { hide: true } }, async () =>
    app.swagger(),
  );
};
