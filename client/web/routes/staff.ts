// Everything behind login, in one encapsulated plugin: cookies, CSRF on every POST, the login
// rate limit, then the coordinator, supervisor, admin and API routes.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { createUsers } from '../../../db/users';
import { eta } from '../views/layout';
import { staffPage } from '../views/staff';
import { BOARD_CHARTS_JS } from '../views/board-charts';
import { AppError } from '../errors';
import { registerGuards } from './link-guard';
import { mailAttentionRoutes } from './mail-attention';
import { STAFF_FORMS, authRoutes, requireRole, staffContext, type StaffDeps } from './auth';
import { boardRoutes } from './board';
import { directiveRoutes } from './directives';
import { launchRoutes } from './launch';
import { apiRoutes } from './api';
import type { WebDeps } from '../app';

/** Scripts the staff pages load, served from our own origin: the CSP allows no other. */
const CHART_JS = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
const ASSETS: Record<string, () => Promise<Buffer | string>> = {
  'chart.umd.min.js': () => readFile(CHART_JS),
  'board-charts.js': async () => BOARD_CHARTS_JS,
};

const USERS = `<h1><%= it.lang === 'vi' ? 'Người dùng' : 'Users' %></h1>
<table><thead><tr><th>Email</th><th><%= it.lang === 'vi' ? 'Họ tên' : 'Name' %></th><th><%= it.lang === 'vi' ? 'Vai trò' : 'Role' %></th><th>TOTP</th></tr></thead><tbody>
<% it.rows.forEach(function (u) { %><tr><td><%= u.email %></td><td><%= u.name %></td><td><%= u.role %></td><td><%= u.totp ? '✓' : '—' %></td></tr><% }) %>
</tbody></table><p class="muted">dondoc user add --email … --name … --role coordinator|supervisor|admin [--totp]</p>`;

export const staffRoutes: FastifyPluginAsync<WebDeps> = async (app, deps) => {
  // The same cookies, form tokens and rate limiter as the department pages, in this scope.
  await registerGuards(app, deps, { binding: () => STAFF_FORMS });
  const staff: StaffDeps = { ...deps, users: createUsers(deps.pool) };

  await app.register(authRoutes, staff);
  await app.register(boardRoutes, staff);
  await app.register(directiveRoutes, staff);
  await app.register(launchRoutes, staff);
  await app.register(mailAttentionRoutes, staff);
  await app.register(apiRoutes, staff);

  app.get('/quan-tri/nguoi-dung', { preHandler: requireRole(staff.users, ['admin']) }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const { rows } = await deps.pool.query(
      'SELECT email, name, role, totp_secret IS NOT NULL AS totp FROM users ORDER BY role, email',
    );
    return reply
      .type('text/html; charset=utf-8')
      .send(staffPage(ctx, 'Users', eta.renderString(USERS, { lang: ctx.lang, rows })));
  });

  app.get<{ Params: { name: string } }>('/assets/:name', async (req, reply) => {
    const asset = ASSETS[req.params.name];
    if (!asset) throw new AppError('NOT_FOUND', `no asset ${req.params.name}`);
    return reply
      .header('cache-control', 'public, max-age=3600')
      .type('text/javascript; charset=utf-8')
      .send(await asset());
  });
};
