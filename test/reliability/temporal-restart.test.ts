// The Temporal dev server killed -9 mid-run and started again on the same port and the same
// SQLite file: every workflow started before the kill is there afterwards and carries on to the end.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTemporalDev, type RunningProcess } from '../../client/stack/temporal-dev';
import { launchDirective } from '../../client/temporal';
import { acknowledgeUpdate, directiveWorkflowId, taskWorkflowId } from '../../workflows/messages';
import type { CliRun } from '../helpers/cli';
import { freePort } from '../helpers/ports';
import { eventually } from '../helpers/wait';
import { inParallel } from '../../client/in-parallel';
import {
  count,
  countOf,
  directiveOf,
  duplicatesAtSink,
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

jest.setTimeout(30 * 60_000);

/** The process whose command line names this SQLite file: the dev server of this test, and no other. */
function pidOf(dbFile: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = (() => {
      try {
        return readFileSync(path.join('/proc', entry, 'cmdline'), 'utf8').split('\0');
      } catch {
        return [];
      }
    })();
    if (cmdline.includes('start-dev') && cmdline.includes(dbFile)) return Number(entry);
  }
  throw new Error(`no Temporal dev server runs on ${dbFile}`);
}

test('a Temporal dev server killed -9 and restarted on its data file resumes every workflow and loses none', async () => {
  const units = countOf('RELIABILITY_TEMPORAL_UNITS', 200, 20);
  const dir = path.join(os.tmpdir(), `dondoc-temporal-${process.pid}-${Date.now()}`);
  const dev = { dataDir: dir, port: await freePort(), uiPort: await freePort(), namespace: 'default', headless: true };
  let server: RunningProcess | undefined = await startTemporalDev(dev);
  let p: Parts | undefined;
  let worker: CliRun | undefined;
  try {
    p = await startParts({ TEMPORAL_ADDRESS: server.address });
    const parts = p;
    const codes = await seedUnits(parts, units);
    // Tasks close on acknowledgement, so the directive can run to its end after the restart.
    const d = directiveOf('1003/REL-TEMPORAL', codes, { completion: 'acknowledgement' });
    worker = startWorker(parts);
    await polling(worker);
    const t0 = Date.now();
    await launchDirective(parts.client, parts.config, d, parts.stack.pool);
    const recorded = () =>
      count(parts, `SELECT count(*) AS n FROM tasks WHERE directive_number = $1 AND state <> 'assigning'`, [d.number]);
    await eventually('a third of the tasks recorded', async () => (await recorded()) >= units / 3, 10 * 60_000);

    // Everything Temporal knows at the moment of the kill.
    const before = new Set<string>();
    for await (const w of parts.client.workflow.list()) before.add(w.workflowId);
    process.kill(pidOf(path.join(dir, 'temporal.db')), 'SIGKILL');
    const down = Date.now();
    await eventually('the dev server gone', async () => {
      try {
        pidOf(path.join(dir, 'temporal.db'));
        return false;
      } catch {
        return true;
      }
    });
    server = await startTemporalDev(dev);
    const downSeconds = seconds(down);

    // The worker and the client reconnect by themselves; every task comes to exist and is recorded.
    await eventually('every task recorded', async () => (await recorded()) === units, 10 * 60_000);
    const afterRestart = new Set<string>();
    for await (const w of parts.client.workflow.list()) afterRestart.add(w.workflowId);
    const lost = [...before].filter((id) => !afterRestart.has(id));
    expect(lost).toEqual([]);
    // Then every task is acknowledged and the directive runs to its end: every workflow resumed.
    await inParallel(codes, 8, (unit) =>
      parts.client.workflow
        .getHandle(taskWorkflowId(d.number, unit))
        .executeUpdate(acknowledgeUpdate, { args: [{ by: `Văn thư ${unit}` }] }),
    );
    const result = await parts.client.workflow.getHandle(directiveWorkflowId(d.number)).result();
    expect(result).toMatchObject({ phase: 'done', tasks: units, cancelled: 0 });
    // Resumed: every workflow that existed at the kill ran to completion.
    let resumed = 0;
    await inParallel([...before], 8, async (id) => {
      if ((await parts.client.workflow.getHandle(id).describe()).status.name === 'COMPLETED') resumed += 1;
    });
    expect(resumed).toBe(before.size);
    await eventually(
      'every task closed in the read model',
      async () => (await count(parts, `SELECT count(*) AS n FROM tasks WHERE state = 'done'`)) === units,
      120_000,
    );
    const duplicates = await duplicatesAtSink(parts);
    expect(duplicates).toBe(0);
    reportFigures('temporal-restart', {
      units,
      workflows_at_kill: before.size,
      resumed,
      lost: lost.length,
      duplicates,
      down_seconds: downSeconds,
      seconds: seconds(t0),
    });
  } finally {
    await stopProcess(worker);
    await stopParts(p);
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
