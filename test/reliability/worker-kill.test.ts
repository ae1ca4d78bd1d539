// Workers die: kill -9 during a large fan-out and the report storm that follows it, and one of
// three workers sharing a directive killed mid-way. Real dev server, PostgreSQL and SMTP sink;
// every worker is a `dondoc worker` child process. Nothing may be lost, nothing sent twice.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { launchDirective } from '../../client/temporal';
import {
  directiveStatusQuery,
  directiveWorkflowId,
  reviewReportUpdate,
  submitReportUpdate,
  taskStateQuery,
  taskWorkflowId,
} from '../../workflows/messages';
import type { TaskView } from '../../workflows/types';
import type { CliRun } from '../helpers/cli';
import { eventually } from '../helpers/wait';
import { inParallel } from '../../client/in-parallel';
import {
  count,
  countOf,
  directiveOf,
  duplicatesAtSink,
  killWorker,
  polling,
  reportFigures,
  seconds,
  seedUnits,
  startParts,
  startWorker,
  stopParts,
  stopProcess,
  type Parts,
} from './parts';

jest.setTimeout(40 * 60_000);

/**
 * The task's state as its workflow answers, or why it does not. A query right after a kill may go
 * to the dead worker's sticky queue, or wait behind the replays of a loaded new worker, and time
 * out: asked again for a minute before it counts. A workflow the server does not have answers
 * NotFound at once and is lost.
 */
async function queryAfterKills(p: Parts, id: string): Promise<TaskView | string> {
  const handle = p.client.workflow.getHandle(id);
  let why = '';
  try {
    return await eventually(`the state of ${id}`, () => handle.query(taskStateQuery), 60_000);
  } catch (e) {
    const cause = (e as { cause?: { cause?: unknown } }).cause;
    why = `${(e as Error).message} ${String(cause?.cause ?? cause ?? '')}`;
  }
  return handle.describe().then(
    async (d) => {
      // What the workflow's own history says of why it could not answer: its last failed workflow task.
      const history = await handle.fetchHistory();
      const failed = history.events
        ?.map((e) => e.workflowTaskFailedEventAttributes?.failure?.message)
        .filter(Boolean)
        .at(-1);
      const pending = d.raw.pendingWorkflowTask;
      return `workflow ${d.status.name} but not answering (${why}; events ${history.events?.length}, pending workflow task attempt ${pending?.attempt ?? 'none'}, last workflow task failure ${failed ?? 'none'})`;
    },
    (e: unknown) => (e instanceof WorkflowNotFoundError ? 'workflow missing' : `workflow unknown (${String(e)})`),
  );
}

/** Tasks of the directive that are missing from Temporal or from the read model, or not in the expected phase. */
async function lostTasks(p: Parts, number: string, units: string[], phase: string): Promise<string[]> {
  const { rows } = await p.stack.pool.query(`SELECT workflow_id, state FROM tasks WHERE directive_number = $1`, [
    number,
  ]);
  const recorded = new Map(rows.map((r) => [r.workflow_id as string, r.state as string]));
  const lost: string[] = [];
  await inParallel(units, 8, async (unit) => {
    const id = taskWorkflowId(number, unit);
    const view = await queryAfterKills(p, id);
    const said = typeof view === 'string' ? view : `workflow ${view.state.phase}`;
    if (typeof view === 'string' || view.state.phase !== phase || recorded.get(id) !== phase)
      lost.push(`${id}: ${said}, read model ${recorded.get(id) ?? 'missing'}`);
  });
  return lost;
}

/** Where the outbox stands: every message is sent, or in doubt after a kill mid-send; none waits. */
async function outbox(p: Parts) {
  const { rows } = await p.stack.pool.query(`SELECT status, count(*)::int AS n FROM outbox GROUP BY status`);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

/** No message twice at the sink; one in doubt (the worker died mid-send) may or may not be there. */
async function sinkChecked(p: Parts) {
  const duplicates = await duplicatesAtSink(p);
  expect(duplicates).toBe(0);
  const o = await outbox(p);
  const atSink = await count(p, `SELECT count(*) AS n FROM mailbox`);
  expect(atSink).toBeGreaterThanOrEqual(o.sent ?? 0);
  expect(atSink).toBeLessThanOrEqual((o.sent ?? 0) + (o.in_doubt ?? 0));
  return { duplicates, o, atSink };
}

/** Waits until no message waits in the outbox and `expected` are sent or in doubt. */
async function outboxSettled(p: Parts, expected: number): Promise<void> {
  await eventually(
    'no message left waiting in the outbox',
    async () => {
      const o = await outbox(p);
      return (o.pending ?? 0) + (o.sending ?? 0) === 0 && (o.sent ?? 0) + (o.in_doubt ?? 0) === expected;
    },
    5 * 60_000,
  );
}

/** Which tasks the read model does not show as submitted, and what each task's own history shows. */
async function behindTheDirective(p: Parts, number: string): Promise<string> {
  const { rows } = await p.stack.pool.query<{ workflow_id: string; state: string }>(
    `SELECT workflow_id, state FROM tasks WHERE directive_number = $1 AND state <> 'submitted'`,
    [number],
  );
  const lines = await Promise.all(
    rows.slice(0, 5).map(async (t) => {
      const task = p.client.workflow.getHandle(t.workflow_id);
      const events = (await task.fetchHistory()).events ?? [];
      const own = await task
        .query(taskStateQuery)
        .catch((e: Error) => ({ state: { phase: `query failed: ${e.message}` } }));
      const kinds = events
        .map(
          (e) =>
            Object.keys(e)
              .find((k) => k.endsWith('EventAttributes'))
              ?.replace('EventAttributes', '') ?? '?',
        )
        .join(' ');
      return `${t.workflow_id}: row ${t.state}, task ${own.state.phase}, ${events.length} events: ${kinds}`;
    }),
  );
  return `${rows.length} behind: ${lines.join('; ')}`;
}

const submitReport = (client: Client, id: string, unit: string) =>
  client.workflow.getHandle(id).executeUpdate(submitReportUpdate, {
    args: [
      {
        submissionId: `sub-${unit}-0001`,
        text: `Báo cáo của ${unit}`,
        indicators: {},
        attachments: [],
        submittedBy: `Văn thư ${unit}`,
      },
    ],
  });

test('a worker killed -9 again and again during a fan-out and its report storm loses no task and sends no message twice', async () => {
  const units = countOf('RELIABILITY_KILL_UNITS', 1000, 30);
  const kills = countOf('RELIABILITY_KILLS', 10, 2);
  const p = await startParts();
  let worker: CliRun | undefined;
  try {
    const codes = await seedUnits(p, units);
    const d = directiveOf('1001/REL-KILL', codes);
    worker = startWorker(p);
    const t0 = Date.now();
    await launchDirective(p.client, p.config, d, p.stack.pool);

    // Progress: assignments recorded, then reports; the storm is every unit reporting at once.
    const total = 2 * units;
    const progress = () =>
      count(p, `SELECT (SELECT count(*) FROM tasks WHERE state <> 'assigning') + (SELECT count(*) FROM reports) AS n`);
    // Each report is sent until the workflow answers; the same submission id twice is one report.
    const submitted = new Set<string>();
    let stormDone = false;
    let retried = 0;
    const storm = (async () => {
      while (submitted.size < units) {
        // A unit reports once its assignment (and its link) is out.
        const { rows } = await p.stack.pool.query(
          `SELECT workflow_id, unit_code FROM tasks WHERE directive_number = $1 AND state <> 'assigning'`,
          [d.number],
        );
        const fresh = rows.filter((r) => !submitted.has(r.workflow_id));
        await inParallel(fresh, 16, async (r) => {
          try {
            await submitReport(p.client, r.workflow_id, r.unit_code);
            submitted.add(r.workflow_id);
          } catch {
            retried += 1;
          }
        });
        if (!fresh.length) await new Promise((r) => setTimeout(r, 200));
      }
      stormDone = true;
    })();

    // Kill at evenly spaced points of the work, starting a new worker right after each kill.
    let killed = 0;
    for (let k = 1; k <= kills; k++) {
      const mark = Math.floor((k * total) / (kills + 1));
      await eventually(
        `progress ${mark} of ${total} before kill ${k}`,
        async () => (await progress()) >= mark,
        15 * 60_000,
      );
      await killWorker(worker);
      killed += 1;
      worker = startWorker(p);
    }
    await storm;
    expect(stormDone).toBe(true);
    await eventually('every task recorded with its report', async () => (await progress()) === total, 15 * 60_000);
    await outboxSettled(p, total);
    const elapsed = seconds(t0);

    const lost = await lostTasks(p, d.number, codes, 'submitted');
    expect(lost).toEqual([]);
    expect(await count(p, `SELECT count(DISTINCT task_workflow_id) AS n FROM reports`)).toBe(units);
    const { duplicates, o, atSink } = await sinkChecked(p);
    // A report waits for the office: the directive counts every task still open. Once the office
    // accepts them all, each task tells its directive it closed, and the directive closes.
    const directive = p.client.workflow.getHandle(directiveWorkflowId(d.number));
    expect(await directive.query(directiveStatusQuery)).toMatchObject({
      phase: 'running',
      started: units,
      open: units,
    });
    await inParallel(codes, 8, async (unit) => {
      const task = p.client.workflow.getHandle(taskWorkflowId(d.number, unit));
      const { state } = await task.query(taskStateQuery);
      await task.executeUpdate(reviewReportUpdate, {
        args: [{ accept: true, receipt: state.reports[0].receipt, by: 'Văn phòng UBND tỉnh' }],
      });
    });
    await eventually(
      'the directive counting every task closed',
      async () =>
        (await directive.query(directiveStatusQuery).catch(() => undefined))?.open === 0 ||
        (await directive.describe()).status.name === 'COMPLETED',
      180_000,
    ).catch(async (err) => {
      throw new Error(`${(err as Error).message}; ${await behindTheDirective(p, d.number)}`);
    });
    expect(await directive.result()).toMatchObject({ phase: 'done', tasks: units });
    reportFigures('worker-kill', {
      units,
      kills: killed,
      lost: lost.length,
      duplicates,
      in_doubt: o.in_doubt ?? 0,
      at_sink: atSink,
      resent_updates: retried,
      seconds: elapsed,
    });
  } finally {
    await stopProcess(worker);
    await stopParts(p);
  }
});

/** Which task's assignment each worker sent, from the worker's debug log of completed notify activities. */
function tasksSentBy(w: CliRun): Set<string> {
  const ids = new Set<string>();
  for (const line of w.stdout().split('\n')) {
    if (!line.includes('"Activity completed"') || !line.includes('"activityType":"notify"')) continue;
    const id = /"workflowId":"([^"]+)"/.exec(line)?.[1];
    if (id) ids.add(id);
  }
  return ids;
}

test('three workers share a directive; one killed -9 mid-way loses nothing and doubles nothing', async () => {
  const units = countOf('RELIABILITY_SHARED_UNITS', 2000, 20);
  const p = await startParts();
  const workers: CliRun[] = [];
  try {
    const codes = await seedUnits(p, units);
    const d = directiveOf('1002/REL-SHARE', codes);
    for (let i = 0; i < 3; i++) workers.push(startWorker(p, { LOG_LEVEL: 'debug' }));
    await Promise.all(workers.map((w) => polling(w)));
    const t0 = Date.now();
    await launchDirective(p.client, p.config, d, p.stack.pool);
    // A task's row is written as being assigned before it starts; it counts once its assignment is out.
    const recorded = () =>
      count(p, `SELECT count(*) AS n FROM tasks WHERE directive_number = $1 AND state <> 'assigning'`, [d.number]);
    await eventually('half the tasks assigned', async () => (await recorded()) >= units / 2, 15 * 60_000);
    const atKill = await recorded();
    await killWorker(workers[0]);
    const done = await eventually('every task assigned', async () => (await recorded()) === units, 15 * 60_000).catch(
      async (err) => {
        // Say how far the fan-out got before giving up.
        const view = await p.client.workflow
          .getHandle(directiveWorkflowId(d.number))
          .query(directiveStatusQuery)
          .catch(() => undefined);
        throw new Error(
          `${(err as Error).message}; recorded ${await recorded()}, directive ${JSON.stringify(view && { phase: view.phase, total: view.total, queued: view.queued, started: view.started, open: view.open })}`,
        );
      },
    );
    expect(done).toBe(true);
    await outboxSettled(p, units);
    const elapsed = seconds(t0);

    const lost = await lostTasks(p, d.number, codes, 'open');
    expect(lost).toEqual([]);
    const { duplicates, o, atSink } = await sinkChecked(p);
    const perWorker = workers.map((w) => tasksSentBy(w).size);
    // Each survivor did part of the work; what the killed worker sent before it died counts once.
    expect(perWorker[1]).toBeGreaterThan(0);
    expect(perWorker[2]).toBeGreaterThan(0);
    reportFigures('shared-workers', {
      units,
      workers: 3,
      killed_at: atKill,
      lost: lost.length,
      duplicates,
      in_doubt: o.in_doubt ?? 0,
      at_sink: atSink,
      sent_by_worker: perWorker.join('/'),
      seconds: elapsed,
    });
  } finally {
    for (const w of workers) await stopProcess(w);
    await stopParts(p);
  }
});
