// The home page. Staff see the directives and their progress at a glance (a confidential one as
// its reader may see it); anyone else sees the two doors open to them: the staff login, and
// "lost your link?" for a department.
import type { FastifyPluginAsync } from 'fastify';
import { recentDirectives } from '../../../db/directives';
import type { StaffDeps } from '../deps';
import { SESSION_COOKIE, staffLang } from './auth';
import { listSealer } from './sealed-lists';

export const homeRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  app.get('/', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const user = await deps.users.sessionUser(req.cookies?.[SESSION_COOKIE]);
    if (!user) return reply.view('public/home', { rows: undefined });
    req.staff = user;
    const seal = await listSealer(deps.pool, user.role, staffLang(req, deps.config.DEFAULT_LANG));
    return reply.view('public/home', { rows: seal(await recentDirectives(deps.pool), (d) => d.number) });
  });
};
