// The home page: directives and their progress, at a glance.
import type { FastifyPluginAsync } from 'fastify';
import { recentDirectives } from '../../../db/directives';
import type { WebDeps } from '../deps';

export const homeRoutes: FastifyPluginAsync<WebDeps> = async (app, deps) => {
  app.get('/', async (_req, reply) => reply.view('public/home', { rows: await recentDirectives(deps.pool) }));
};
