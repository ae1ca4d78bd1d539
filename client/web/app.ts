// The web app only composes plugins; each route file owns its pages.
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import formbody from '@fastify/formbody';
import type { WebDeps } from './deps';
import { answerErrors } from './errors';
import { guardInput } from './input-guard';
import { registerViews } from './view-engine';
import { taskPageRoutes } from './routes/task-page';
import { newLinkRoutes } from './routes/new-link';
import { staffRoutes } from './routes/staff';
import { observeRequests, opsRoutes } from './routes/ops';
import { createAppMetrics } from '../metrics';
import { createLogger, type Logger } from '../log';
import { trustProxyOf } from '../../config';

/** A request id from the proxy in front (X-Request-Id) when it looks like one, else a new one. */
const requestId = (req: { headers: Record<string, unknown> }): string => {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
};

export async function buildApp(deps: WebDeps, options: { logger?: boolean | Logger } = {}): Promise<FastifyInstance> {
  const logger = options.logger === true ? createLogger(deps.config, { name: 'web' }) : options.logger || undefined;
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    genReqId: requestId,
    // Behind the reverse proxy the client's address is in X-Forwarded-For: the per-address limits
    // and lockouts count it (req.ip) only when the proxy is named in TRUST_PROXY.
    trustProxy: trustProxyOf(deps.config.TRUST_PROXY),
    bodyLimit: 1024 * 1024,
  }) as unknown as FastifyInstance;
  const metrics = deps.metrics ?? createAppMetrics(deps.pool);
  observeRequests(app, metrics);
  deps = { ...deps, links: metrics.countingRefusals(deps.links), metrics };
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(formbody);
  await registerViews(app, { sinkOutbox: !deps.config.SMTP_URL });
  app.addHook('preHandler', guardInput);

  answerErrors(app);

  await app.register(opsRoutes, { ...deps, metrics });
  await app.register(taskPageRoutes, deps);
  await app.register(newLinkRoutes, deps);
  await app.register(staffRoutes, deps);
  return app;
}
