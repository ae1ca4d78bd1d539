// Everything behind login, in one encapsulated plugin: cookies, CSRF on every POST, the login
// rate limit, then the home page, the outbox and the coordinator, supervisor, admin and API
// routes. Nothing shown to a logged-in user is kept by a browser or a cache on the way.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { createUsers } from '../../../db/users';
import { sendStaffPage } from '../views/staff';
import { BOARD_CHARTS_JS } from '../views/board-charts';
import { SCORECARD_CHARTS_JS } from '../views/scorecard';
import { AppError } from '../errors';
import { registerGuards } from './link-guard';
import { mailAttentionRoutes } from './mail-attention';
import { STAFF_FORMS, authRoutes, requireRole, staffContext } from './auth';
import { boardRoutes } from './board';
import { directiveRoutes } from './directives';
import { launchRoutes } from './launch';
import { apiRoutes } from './api';
import { explanationRoutes } from './explanations';
import { scorecardRoutes } from './scorecard';
import { unitAdminRoutes } from './units-admin';
import { calendarAdminRoutes } from './calendar-admin';
import { homeRoutes } from './home';
import { outboxRoutes } from './outbox';
import type { StaffDeps, WebDeps } from '../deps';

/** Scripts the staff pages load, served from our own origin: the CSP allows no other. */
const CHART_JS = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
// A Map, not an object: a name such as __proto__ or constructor is no asset, only not found.
const ASSETS = new Map<string, () => Promise<Buffer | string>>([
  ['chart.umd.min.js', () => readFile(CHART_JS)],
  ['board-charts.js', async () => BOARD_CHARTS_JS],
  ['scorecard-charts.js', async () => SCORECARD_CHARTS_JS],
]);

export const staffRoutes: FastifyPluginAsync<WebDeps> = async (app, deps) => {
  // The same cookies, form tokens and rate limiter as the department pages, in this scope.
  await registerGuards(app, deps, { binding: () => STAFF_FORMS });
  const staff: StaffDeps = { ...deps, users: createUsers(deps.pool) };
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.staff) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(authRoutes, staff);
  await app.register(homeRoutes, staff);
  // The sink's mailbox holds every link sent: shown only when that sink is dondoc's own.
  if (!deps.config.SMTP_URL) await app.register(outboxRoutes, staff);
  await app.register(boardRoutes, staff);
  await app.register(directiveRoutes, staff);
  await app.register(launchRoutes, staff);
  await app.register(mailAttentionRoutes, staff);
  await app.register(apiRoutes, staff);
  await app.register(explanationRoutes, staff);
  await app.register(scorecardRoutes, staff);
  await app.register(unitAdminRoutes, staff);
  await app.register(calendarAdminRoutes, staff);

  app.get('/quan-tri/nguoi-dung', { preHandler: requireRole(staff.users, ['admin']) }, async (req, reply) =>
    sendStaffPage(reply, staffContext(req, reply, deps), 'users', { users: await staff.users.list() }),
  );

  app.get<{ Params: { name: string } }>('/assets/:name', async (req, reply) => {
    const asset = ASSETS.get(req.params.name);
    if (!asset) throw new AppError('NOT_FOUND', `no asset ${req.params.name}`);
    return reply
      .header('cache-control', 'public, max-age=3600')
      .type('text/javascript; charset=utf-8')
      .send(await asset());
  });
};
