// The JSON API under /api/v1, behind the same login and roles as the pages. Each route is one
// entry of a table: its zod schemas validate the request and become the OpenAPI document.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { vietnamCalendar } from '../../../domain/calendar';
import { overdueShare } from '../../../domain/board';
import { ReviewDecisionSchema } from '../../../domain/commands';
import { reviewReportUpdate } from '../../../workflows/messages';
import { createBoardQueries, directiveProgress } from '../../../db/board-queries';
import { recordAudit } from '../../../db/audit';
import type { Role } from '../../../db/users';
import { AppError } from '../errors';
import { requireJson } from '../input-guard';
import { csrfToken, requireRole, type StaffDeps } from './auth';
import { runUpdate } from './staff-updates';
import { consolidatedOf } from './consolidated';
import { statusOfRow } from './directives';
import {
  BoardQuerySchema,
  BoardResponseSchema,
  DirectiveRefSchema,
  DirectiveRowSchema,
  ErrorResponseSchema,
  TaskIdSchema,
  parseInput,
} from './staff-schemas';

const PAGE = 50;
const ALL: Role[] = ['coordinator', 'supervisor', 'admin'];
const OFFICE: Role[] = ['coordinator', 'admin'];
const LEADERS: Role[] = ['supervisor', 'admin'];

const SessionSchema = z.object({
  user: z.object({ email: z.string(), name: z.string(), role: z.enum(['coordinator', 'supervisor', 'admin']) }),
  csrfToken: z.string(),
});
const TaskSchema = z.object({
  workflowId: z.string(),
  directive: z.string(),
  unit: z.string(),
  status: z.string(),
  deadline: z.string(),
  escalationLevel: z.number().int(),
  state: z.record(z.string(), z.unknown()),
});
const reviewOf = {
  id: TaskIdSchema.shape.id,
  receipt: z.string().min(1),
  _csrf: z.string().describe('the token from GET /api/v1/session'),
};
/** Accept (a comment is optional), or return, which needs a comment saying what to revise. */
const ReviewBodySchema = z.discriminatedUnion('accept', [
  z.object({ ...reviewOf, accept: z.literal(true), comment: z.string().max(2000).optional() }),
  z.object({
    ...reviewOf,
    accept: z.literal(false),
    comment: z
      .string({ error: (issue) => (issue.input === undefined ? 'say what must be revised' : undefined) })
      .max(2000)
      .regex(/\S/, 'say what must be revised'),
  }),
]);
const ReviewResultSchema = z.object({ state: z.string(), deadline: z.string() });
const ConsolidatedSchema = z.object({
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      total: z.number(),
      target: z.number().optional(),
    }),
  ),
  byUnit: z.array(z.object({ unit: z.string(), unitName: z.string(), values: z.record(z.string(), z.number()) })),
  byCycle: z.array(z.object({ cycle: z.string(), values: z.record(z.string(), z.number()) })),
  reports: z.number().int(),
});

interface ApiRoute {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  roles: Role[];
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  handle(req: FastifyRequest, input: unknown, reply: FastifyReply): Promise<unknown>;
}

/** The API names a query parameter it does not know (a misspelt filter would otherwise be ignored). */
const strict = (s: z.ZodType): z.ZodType => (s instanceof z.ZodObject ? s.strict() : s);

/** Query parameters of a route; an optional one may also be sent empty, which means "not given" (as HTML forms send it). */
function queryParameters(json: { properties?: Record<string, unknown>; required?: string[] }) {
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const required = json.required?.includes(name) ?? false;
    return { name, in: 'query', required, schema: required ? s : { anyOf: [s, { type: 'string', maxLength: 0 }] } };
  });
}

export const apiRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const calendar = vietnamCalendar();
  const board = createBoardQueries(deps.pool, calendar);

  const routes: ApiRoute[] = [
    {
      method: 'GET',
      path: '/api/v1/session',
      summary: 'Who is logged in, and the CSRF token POST requests carry as _csrf',
      roles: ALL,
      response: SessionSchema,
      handle: async (req, _input, reply) => ({
        user: { email: req.staff!.email, name: req.staff!.name, role: req.staff!.role },
        csrfToken: csrfToken(reply),
      }),
    },
    {
      method: 'GET',
      path: '/api/v1/board',
      summary: 'Bucket counts, overdue share and the overdue list, filtered',
      roles: LEADERS,
      query: BoardQuerySchema,
      response: BoardResponseSchema,
      handle: async (_req, input) => {
        const q = input as z.infer<typeof BoardQuerySchema>;
        const now = Date.now();
        const [counts, list] = await Promise.all([
          board.counts({ directive: q.directive, unit: q.unit }, now),
          board.overdue({ directive: q.directive, unit: q.unit, level: q.level, minDaysOverdue: q.days }, now, {
            limit: PAGE,
            offset: ((q.page ?? 1) - 1) * PAGE,
          }),
        ]);
        return {
          counts,
          overdueShare: overdueShare(counts),
          ...list,
          items: list.items.map((i) => ({ ...i, lastChaseAt: i.lastChaseAt?.toISOString() ?? null })),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/directives',
      summary: 'Directives with their progress, newest first',
      roles: OFFICE,
      response: z.array(DirectiveRowSchema),
      handle: async () => directiveProgress(deps.pool, Date.now()),
    },
    {
      method: 'GET',
      path: '/api/v1/directives/consolidated',
      summary: 'Indicator values of accepted reports summed by unit and cycle',
      roles: OFFICE,
      query: DirectiveRefSchema,
      response: ConsolidatedSchema,
      handle: async (_req, input) => (await consolidatedOf(deps.pool, (input as { so: string }).so)).r,
    },
    {
      method: 'GET',
      path: '/api/v1/tasks',
      summary: 'One task with its status and full state (reports, chases, extensions)',
      roles: ALL,
      query: TaskIdSchema,
      response: TaskSchema,
      handle: async (_req, input) => {
        const row = await deps.readModel.task((input as { id: string }).id);
        if (!row) throw new AppError('NOT_FOUND', `id: no task ${(input as { id: string }).id}`);
        return {
          workflowId: row.workflow_id,
          directive: row.directive_number,
          unit: row.unit_code,
          status: statusOfRow(row, Date.now()),
          deadline: row.deadline,
          escalationLevel: row.escalation_level,
          state: row.snapshot.state,
        };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/tasks/review',
      summary: 'Accept a report, or return it with a comment',
      roles: OFFICE,
      body: ReviewBodySchema,
      response: ReviewResultSchema,
      handle: async (req, input) => {
        const b = input as z.infer<typeof ReviewBodySchema>;
        const decision = parseInput(ReviewDecisionSchema, {
          accept: b.accept,
          receipt: b.receipt,
          comment: b.comment,
          by: `${req.staff!.name} <${req.staff!.email}>`,
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
    },
  ];

  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.path,
      // Who is asking first, then what they sent: its type, then its form token.
      preHandler:
        r.method === 'POST'
          ? [requireRole(deps.users, r.roles), requireJson, app.csrfProtection]
          : requireRole(deps.users, r.roles),
      handler: async (req, reply) => {
        const input = r.query
          ? parseInput(strict(r.query), req.query)
          : r.body
            ? parseInput(r.body, req.body)
            : undefined;
        return reply.header('cache-control', 'no-store').send(await r.handle(req, input, reply));
      },
    });
  }

  // A method a path does not take is 405 with the ones it does, not a 404 that says the path is
  // missing; answered on arrival, before a body of any type is read.
  for (const url of new Set(routes.map((r) => r.path))) {
    const allowed: string[] = routes.filter((r) => r.path === url).map((r) => r.method);
    if (allowed.includes('GET')) allowed.push('HEAD');
    const refuse = async (_req: FastifyRequest, reply: FastifyReply) =>
      reply
        .status(405)
        .header('allow', allowed.join(', '))
        .send({ error: 'INVALID_INPUT', message: `method: ${url} takes ${allowed.join(', ')}` });
    app.route({
      method: app.supportedMethods.filter((m) => !allowed.includes(m)),
      url,
      onRequest: refuse,
      handler: refuse,
    });
  }

  const schema = (s: z.ZodType, io: 'input' | 'output') =>
    z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });
  const document = {
    openapi: '3.0.3',
    info: {
      title: 'dondoc API',
      version: '1',
      description:
        'Directives, tasks and the overdue board. Log in at /dang-nhap; the session cookie authenticates every call.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dondoc_session' } },
      schemas: { Error: schema(ErrorResponseSchema, 'output') },
    },
    security: [{ session: [] }],
    paths: Object.fromEntries(
      routes.map((r) => [
        r.path,
        {
          [r.method.toLowerCase()]: {
            summary: r.summary,
            description: `Roles: ${r.roles.join(', ')}`,
            parameters: r.query
              ? queryParameters(
                  schema(r.query, 'input') as { properties?: Record<string, unknown>; required?: string[] },
                )
              : undefined,
            requestBody: r.body
              ? { required: true, content: { 'application/json': { schema: schema(r.body, 'input') } } }
              : undefined,
            responses: {
              200: { description: 'OK', content: { 'application/json': { schema: schema(r.response, 'output') } } },
              401: {
                description: 'Not logged in',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
              },
              403: {
                description: 'Wrong role (or a missing CSRF token)',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
              },
              404: {
                description: 'No such directive or task',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
              },
              409: {
                description: 'The task is not in a state that allows it (e.g. the report was reviewed already)',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
              },
              413: {
                description: 'The body is larger than 1 MB',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
              },
              422: {
                description: 'A field is invalid; the message names it',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
              },
              503: {
                description: 'Temporal or PostgreSQL is unavailable for a moment; try again',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
              },
            },
          },
        },
      ]),
    ),
  };

  app.get('/api/v1/openapi.json', { preHandler: requireRole(deps.users, ALL) }, async () => document);
};
