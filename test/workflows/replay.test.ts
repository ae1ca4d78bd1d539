// Histories recorded from the scenario tests (RECORD_HISTORIES=1 npm run test:workflow) are
// replayed against today's workflow code: a change that breaks determinism fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { BUNDLE_PATH } from '../helpers/temporal';

const dir = path.join(__dirname, '..', 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.history.pb')).sort();

test('every recorded history replays without a determinism error', async () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
  const histories = files.map((f) => ({ workflowId: f.replace(/\.history\.pb$/, ''), history: temporal.api.history.v1.History.decode(readFileSync(path.join(dir, f))) }));
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: BUNDLE_PATH } }, histories)) {
    replayed += 1;
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
  expect(replayed).toBe(files.length);
}, 120_000);
