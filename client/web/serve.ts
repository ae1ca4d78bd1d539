// `dondoc web` and `dondoc dev` serve the app the same way: the pages on WEB_HOST:WEB_PORT, and
// Prometheus's /metrics on a port of its own (METRICS_HOST:METRICS_PORT, loopback by default).
// The figures say, among others, how many links were refused as expired and how many as unknown:
// no one who reaches the pages should read them.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import { createAppMetrics, type AppMetrics } from '../metrics';
import type { Logger } from '../log';
import { buildApp } from './app';
import type { WebDeps } from './deps';

export interface ServedWeb {
  app: FastifyInstance;
  /** The metrics listener; none with METRICS_PORT=off. */
  metrics?: FastifyInstance;
  close(): Promise<void>;
}

/** Prometheus's /metrics alone, on its own host and port; nothing when METRICS_PORT is off. */
export async function serveMetrics(
  metrics: AppMetrics,
  config: Pick<Config, 'METRICS_HOST' | 'METRICS_PORT'>,
): Promise<FastifyInstance | undefined> {
  if (config.METRICS_PORT === 'off') return undefined;
  const app = Fastify({ logger: false });
  app.get('/metrics', async (_req, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  await app.listen({ host: config.METRICS_HOST, port: config.METRICS_PORT });
  return app;
}

export async function serveWeb(deps: WebDeps, o: { logger?: boolean | Logger } = {}): Promise<ServedWeb> {
  const metrics = deps.metrics ?? createAppMetrics(deps.pool);
  const app = await buildApp({ ...deps, metrics }, o);
  let metricsApp: FastifyInstance | undefined;
  try {
    await app.listen({ host: deps.config.WEB_HOST, port: deps.config.WEB_PORT });
    metricsApp = await serveMetrics(metrics, deps.config);
  } catch (err) {
    await app.close();
    throw err;
  }
  return {
    app,
    metrics: metricsApp,
    async close() {
      await metricsApp?.close();
      await app.close();
    },
  };
}
