// P3: a reminder storm. N tasks (5,000 by default), each for its own unit, all due at the same
// instant; from that instant until every reminder is at the SMTP sink, against nodemailer
// sending N messages of the same size to the same sink. Also how late each reminder arrived
// (arrival at the sink − due instant): p50, p95, p99.
import nodemailer from 'nodemailer';
import { performance } from 'node:perf_hooks';
import {
  BARE_QUEUE,
  benchStack,
  elapsed,
  fmt,
  note,
  percentile,
  seconds,
  seedUnits,
  size,
  sortNumbers,
  tuningOf,
  until,
  type BenchStack,
} from './parts';
import { inParallel } from '../client/in-parallel';
import { cpuMeter, cpuText } from './processes';
import { reminderMails } from './reminder-mails';
import { setupLabel, setups, type Setup } from './servers';
import { startBareWorkerProcesses, startWorkerProcesses } from './worker-process';
import { assignedCount, remindersAtSink, startTimedTasks, timedTask } from './tasks';
import { inform, record } from './results';

/** A pooled transport like dondoc's mailers: as many connections as its workers hold together. */
const pooledTransport = (b: BenchStack) =>
  nodemailer.createTransport(b.stack.smtpUrl, {
    pool: true,
    maxConnections: b.config.SMTP_POOL_CONNECTIONS * b.setup.workers,
  } as never);

/** nodemailer alone: N rendered reminders, with as many messages in flight as dondoc's workers run activities. */
async function bareSend(b: BenchStack, n: number): Promise<number> {
  const transport = pooledTransport(b);
  const mails = reminderMails({ publicUrl: b.config.publicUrl, from: b.config.MAIL_FROM }, n, '');
  const t0 = performance.now();
  await inParallel(mails, b.config.WORKER_ACTIVITY_TASKS * b.setup.workers, (m) => transport.sendMail(m as never));
  const ms = elapsed(t0);
  transport.close();
  return ms;
}

const BARE_TAG = '[BARE-P3] ';
const LOCAL_TAG = '[BARE-LOCAL-P3] ';

/**
 * Temporal with nothing of dondoc: N workflows whose timers fire at the same instant, each sending
 * its mail through one activity on the same server, worker tuning and sink. The time from the
 * instant until the last mail is at the sink: the ceiling of this machine and server for a storm.
 */
async function bareTemporalStorm(b: BenchStack, n: number, mail: 'activity' | 'local'): Promise<number> {
  const tag = mail === 'local' ? LOCAL_TAG : BARE_TAG;
  const worker = await startBareWorkerProcesses(b, { count: n, tag });
  try {
    // Started well before the instant: bare workflows start many times faster than dondoc's tasks.
    const dueAt = Date.now() + 30_000 + n * 15;
    await inParallel(
      Array.from({ length: n }, (_, i) => i),
      50,
      (i) =>
        b.client.workflow.start(mail === 'local' ? 'bareLocalReminder' : 'bareReminder', {
          workflowId: `bare-p3-${mail}:${i}`,
          taskQueue: BARE_QUEUE,
          args: [dueAt, i],
        }),
    );
    const arrivals = await until(
      `${n} bare reminders at the sink`,
      async () => {
        const { rows } = await b.stack.pool.query(
          `SELECT (extract(epoch FROM received_at) * 1000)::float8 AS at FROM mailbox WHERE subject LIKE $1`,
          [`${tag}%`],
        );
        return rows.length >= n ? rows.map((r) => r.at as number) : undefined;
      },
      3_600_000,
      500,
    );
    return Math.max(...arrivals) - dueAt;
  } finally {
    await worker.stop();
  }
}

/** P3 on every setup asked for (BENCH_SERVER, BENCH_WORKERS), each with its own baselines. */
export async function p3(): Promise<void> {
  for (const setup of setups()) await p3On(setup);
}

async function p3On(setup: Setup): Promise<void> {
  const n = size('P3_TASKS', 5000, 100);
  const number = '31/BENCH-P3';
  const on = setupLabel(setup);
  const b = await benchStack({}, setup);
  try {
    const units = await seedUnits(b.stack.pool, 'R', n + 20);
    const worker = await startWorkerProcesses(b);
    try {
      note(`P3 (${on}): nodemailer baseline, ${n} messages`);
      const bareBefore = await bareSend(b, n);

      // A pilot of 20 tasks due far later tells how fast tasks start here; the storm's instant
      // is then set so that all N are started and assigned well before it.
      const pilot = units.slice(n).map((u) => timedTask('30/BENCH-P3', u, Date.now() + 30 * 86_400_000));
      const tp = performance.now();
      await startTimedTasks(b, pilot);
      await until(
        'the pilot tasks assigned',
        async () => (await assignedCount(b, '30/BENCH-P3')) >= pilot.length || undefined,
        300_000,
      );
      const rate = pilot.length / (elapsed(tp) / 1000);
      const dueAt = Date.now() + Math.max(60_000, (n / rate) * 1000 * 1.6 + 30_000);
      note(
        `P3: pilot started ${fmt(rate)} tasks/s; ${n} tasks due at ${new Date(dueAt).toISOString()} (in ${seconds(dueAt - Date.now())} s)`,
      );

      const tasks = units.slice(0, n).map((u) => timedTask(number, u, dueAt));
      const ts = performance.now();
      await startTimedTasks(b, tasks);
      await until(
        `${n} tasks assigned before their reminder`,
        async () => (await assignedCount(b, number)) >= n || undefined,
        Math.max(1000, dueAt - Date.now() - 5_000),
        1000,
      );
      const setup = elapsed(ts);
      inform({
        id: 'P3',
        name: `task workflows started (no directive) [${on}]`,
        unit: 'wf/s',
        dondoc: n / (setup / 1000),
      });
      note(
        `P3 (${on}): ${n} tasks started and assigned in ${seconds(setup)} s; waiting ${seconds(dueAt - Date.now())} s for the storm`,
      );

      await new Promise((r) => setTimeout(r, Math.max(0, dueAt - Date.now() - 2_000)));
      const cpu = cpuMeter(b, () => worker.pids);
      const arrivals = await until(
        `${n} reminders at the sink`,
        async () => {
          const at = await remindersAtSink(b, number);
          return at.length >= n ? at : undefined;
        },
        3_600_000,
        500,
      );
      const lateness = sortNumbers(arrivals.map((at) => at - dueAt));
      const stormMs = lateness.at(-1)!;
      const stormCpu = cpu();
      note(`P3 (${on}): ${cpuText(stormCpu, stormMs + 2_000)}`);

      const bareAfter = await bareSend(b, n);
      const bare = (bareBefore + bareAfter) / 2;
      note(`P3 (${on}): bare Temporal storm, ${n} timers and activities`);
      const temporalMs = await bareTemporalStorm(b, n, 'activity');
      const temporalRate = n / (temporalMs / 1000);
      note(`P3 (${on}): bare Temporal storm, mails by local activity`);
      const localMs = await bareTemporalStorm(b, n, 'local');
      const localRate = n / (localMs / 1000);
      const dondocRate = n / (stormMs / 1000);
      const bareRate = n / (bare / 1000);
      const ratio = dondocRate / bareRate;
      record({
        id: 'P3',
        name: `reminder storm (${n.toLocaleString('en')} due at once) [${on}]`,
        unit: 'msg/s',
        dondoc: dondocRate,
        baseline: bareRate,
        ratio,
        goal: '≥ 0.5×',
        pass: ratio >= 0.5,
        details: {
          tasks: n,
          stormSeconds: seconds(stormMs),
          bareSeconds: [seconds(bareBefore), seconds(bareAfter)],
          bareTemporalSeconds: seconds(temporalMs),
          setup,
          cpu: stormCpu,
          smtpConnections: b.config.SMTP_POOL_CONNECTIONS,
          tuning: tuningOf(b.config),
        },
      });
      inform({
        id: 'P3',
        name: `reminder storm against bare Temporal (timer + activity + mail) [${on}]`,
        unit: 'msg/s',
        dondoc: dondocRate,
        baseline: temporalRate,
        ratio: dondocRate / temporalRate,
      });
      inform({
        id: 'P3',
        name: `bare Temporal storm, mail by local activity against by activity [${on}]`,
        unit: 'msg/s',
        dondoc: localRate,
        baseline: temporalRate,
        ratio: localRate / temporalRate,
        note: `the ceiling if reminders sent their mail in the workflow task their timer wakes`,
      });
      const p = (q: number) => seconds(percentile(lateness, q));
      inform({
        id: 'P3',
        name: `reminder lateness p95 (arrival − due) [${on}]`,
        unit: 's',
        dondoc: p(95),
        details: { p50: p(50), p95: p(95), p99: p(99), max: p(100), first: seconds(lateness[0]) },
        note: `p50 ${p(50)} s, p99 ${p(99)} s`,
      });
    } finally {
      await worker.stop();
    }
  } finally {
    await b.stop();
  }
}
