// The web app only composes plugins; each route file owns its pages.
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import type { Pool } from 'pg';
import type { Client } from '@temporalio/client';
import type { Links } from '../../db/links';
import type { ReadModel } from '../../db/read-model';
import type { Config } from '../../config';
import { AppError, statusOf } from './errors';
import { page } from './views/layout';
import { outboxRoutes } from './routes/outbox';
import { taskPageRoutes } from './routes/task-page';
import { homeRoutes } from './routes/home';

export interface WebDeps {
  config: Config;
  pool: Pool;
  readModel: ReadModel;
  links: Links;
  temporal?: Client;
}

export async function buildApp(deps: WebDeps, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: deps.config.LOG_LEVEL, redact: ['req.url'], serializers: { req: (r) => ({ method: r.method, url: String(r.url).replace(/\/t\/[^/?]+/, '/t/…') }) } } : false,
    bodyLimit: 1024 * 1024,
  });
  await app.register(helmet, { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], formAction: ["'self'"], frameAncestors: ["'none'"] } }, referrerPolicy: { policy: 'no-referrer' } });
  await app.register(formbody);

  app.setErrorHandler((error, req, reply) => {
    const err = error as Error & { validation?: unknown };
    const appErr = err instanceof AppError ? err : err.validation ? new AppError('INVALID_INPUT', err.message) : new AppError('INTERNAL', 'Đã có lỗi xảy ra. / Something went wrong.');
    if (appErr.code === 'INTERNAL') req.log.error({ err }, 'request failed');
    const status = statusOf(appErr.code);
    if (req.headers.accept?.includes('application/json') || req.url.startsWith('/api/')) return reply.status(status).send({ error: appErr.code, message: appErr.message, fields: appErr.fields });
    return reply.status(status).type('text/html; charset=utf-8').send(page(String(status), `<h1>${status}</h1><p>${appErr.message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`));
  });
  app.setNotFoundHandler((_req, reply) => reply.status(404).type('text/html; charset=utf-8').send(page('404', '<h1>404</h1><p>Không tìm thấy trang. / Page not found.</p>')));

  app.get('/healthz', async () => ({ ok: true }));
  await app.register(homeRoutes, deps);
  await app.register(outboxRoutes, deps);
  await app.register(taskPageRoutes, deps);
  return app;
}
