// dondoc's own Prometheus metrics, served by the web app at /metrics. What the office and the
// operators watch: tasks in each bucket of the tracking board, reminders and escalations sent,
// mail that failed, department links refused, and how long a department waits for an update.
// Counts that live in the database are read at scrape time, so every web replica reports the same
// figures and a restart loses nothing; the counters are per process.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Pool } from 'pg';
import type { Links } from '../db/links';
import { BUCKETS, bucketOfRow } from '../domain/board';
import { vietnamCalendar } from '../domain/calendar';

export interface AppMetrics {
  registry: Registry;
  /** Links whose check refuses them are counted by reason (unknown, expired, revoked). */
  countingRefusals(links: Links): Links;
  /** How long a request that changes a task took, by route and status. */
  observeUpdate(route: string, status: number, seconds: number): void;
}

export function createAppMetrics(pool: Pool, o: { now?: () => number } = {}): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dondoc_web_' });
  const now = o.now ?? Date.now;
  const calendar = vietnamCalendar();

  new Gauge({
    name: 'dondoc_tasks',
    help: 'Tasks in each bucket of the tracking board, from the read model (cancelled tasks as their own bucket).',
    labelNames: ['bucket'],
    registers: [registry],
    async collect() {
      const { rows } = await pool.query(
        `SELECT state, deadline::text AS deadline, original_deadline::text AS original_deadline, done_at, submitted_at, extension_pending FROM tasks`,
      );
      const counts = new Map<string, number>([...BUCKETS, 'cancelled'].map((b) => [b, 0]));
      for (const r of rows) {
        const bucket = bucketOfRow(
          {
            state: r.state,
            deadline: r.deadline,
            originalDeadline: r.original_deadline,
            doneAt: r.done_at?.getTime(),
            submittedAt: r.submitted_at?.getTime(),
            extensionPending: r.extension_pending,
          },
          now(),
          calendar,
        );
        counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
      }
      this.reset();
      for (const [bucket, n] of counts) this.set({ bucket }, n);
    },
  });

  new Gauge({
    name: 'dondoc_messages_sent',
    help: 'Messages delivered to the SMTP relay, by kind (assignment, reminder, escalation, receipt, …), from the outbox.',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      const { rows } = await pool.query(
        `SELECT purpose, count(*)::int AS n FROM outbox WHERE status = 'sent' GROUP BY purpose`,
      );
      this.reset();
      for (const kind of ['reminder', 'escalation']) this.set({ kind }, 0);
      for (const r of rows) this.set({ kind: r.purpose }, r.n);
    },
  });

  new Gauge({
    name: 'dondoc_mail_failures',
    help: 'Outbox messages not delivered: "retrying" after a temporary failure, "failed" when the relay refused them for good.',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const { rows } = await pool.query(
        `SELECT count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying, count(*) FILTER (WHERE status = 'failed')::int AS failed FROM outbox`,
      );
      this.set({ state: 'retrying' }, rows[0].retrying);
      this.set({ state: 'failed' }, rows[0].failed);
    },
  });

  const refusals = new Counter({
    name: 'dondoc_link_refusals_total',
    help: 'Department links refused by the web app, by reason.',
    labelNames: ['reason'],
    registers: [registry],
  });
  for (const reason of ['unknown', 'expired', 'revoked']) refusals.inc({ reason }, 0);

  const updates = new Histogram({
    name: 'dondoc_update_duration_seconds',
    help: 'Time to answer a request that changes a task (acknowledge, report, extension, review), by route and status.',
    labelNames: ['route', 'status'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });

  return {
    registry,
    countingRefusals: (links) => ({
      ...links,
      async check(token, at) {
        const result = await links.check(token, at);
        if (!result.ok) refusals.inc({ reason: result.why });
        return result;
      },
    }),
    observeUpdate: (route, status, seconds) => updates.observe({ route, status: String(status) }, seconds),
  };
}
