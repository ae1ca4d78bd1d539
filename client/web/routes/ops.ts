// What operators and their load balancer ask the web app: /healthz (the process answers) and
// /readyz (Temporal, PostgreSQL and the SMTP relay answer too). Keep /readyz on the internal
// network: the reverse proxy need not publish it. Prometheus's /metrics has a port of its own
// (serve.ts).
import nodemailer from 'nodemailer';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { WebDeps } from '../deps';
import type { AppMetrics } from '../../metrics';
import { ping } from '../../../db/pool';
import { scrub } from '../../log';

export interface OpsDeps extends WebDeps {
  metrics: AppMetrics;
}

type Part = 'temporal' | 'postgres' | 'smtp';
const CHECK_TIMEOUT_MS = 3000;
/** A relay may limit connections: a good answer is kept this long. */
const SMTP_KEEP_MS = 30_000;

function within<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(
        () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
        CHECK_TIMEOUT_MS,
      )),
  );
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The SMTP relay dondoc sends through: the configured one, or the embedded sink's port. */
export const smtpUrlOf = (deps: Pick<WebDeps, 'config' | 'smtpUrl'>): string =>
  deps.smtpUrl ?? deps.config.SMTP_URL ?? `smtp://127.0.0.1:${deps.config.SMTP_SINK_PORT}`;

export const opsRoutes: FastifyPluginAsync<OpsDeps> = async (app, deps) => {
  let smtpOkUntil = 0;
  const checks: Record<Part, () => Promise<unknown>> = {
    temporal: async () => {
      if (!deps.temporal) throw new Error('no Temporal client');
      const connection = deps.temporal.connection;
      await connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => connection.workflowService.getSystemInfo({}));
    },
    postgres: () => within('PostgreSQL', ping(deps.pool)),
    smtp: async () => {
      if (Date.now() < smtpOkUntil) return;
      const transport = nodemailer.createTransport({
        url: smtpUrlOf(deps),
        connectionTimeout: CHECK_TIMEOUT_MS,
        greetingTimeout: CHECK_TIMEOUT_MS,
        socketTimeout: CHECK_TIMEOUT_MS,
      });
      try {
        await within('the SMTP relay', transport.verify());
        smtpOkUntil = Date.now() + SMTP_KEEP_MS;
      } finally {
        transport.close();
      }
    },
  };

  app.get('/healthz', async () => ({ ok: true }));

  app.get('/readyz', async (req, reply) => {
    const parts = Object.keys(checks) as Part[];
    const results = await Promise.allSettled(parts.map((p) => checks[p]()));
    const failing = parts.filter((_, i) => results[i].status === 'rejected');
    const status = Object.fromEntries(
      parts.map((p, i) => {
        const r = results[i];
        return [p, r.status === 'fulfilled' ? 'ok' : scrub(String((r.reason as Error)?.message ?? r.reason))];
      }),
    );
    if (failing.length) req.log.warn({ failing, status }, 'not ready');
    return reply.status(failing.length ? 503 : 200).send({ ok: failing.length === 0, failing, checks: status });
  });
};

/**
 * On the root instance: every answer carries its request id (the one in the logs), and every
 * request that changes something (anything but GET and HEAD) is timed.
 */
export function observeRequests(app: FastifyInstance, metrics: AppMetrics): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    if (req.method === 'GET' || req.method === 'HEAD' || !req.routeOptions.url) return;
    metrics.observeUpdate(`${req.method} ${req.routeOptions.url}`, reply.statusCode, reply.elapsedTime / 1000);
  });
}
