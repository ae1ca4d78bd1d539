// Replays the histories recorded from the scenario tests (RECORD_HISTORIES=1 npm run test:workflow,
// under test/histories) against workflow code: a change that breaks determinism shows up here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';

import { existsSync } from 'node:fs';
import { HISTORIES_DIR } from './temporal';

export interface ReplayOutcome {
  files: string[];
  replayed: number;
  /** `workflowId: message` for each history that did not replay. */
  failures: string[];
}

/** Every recorded history, replayed with the given workflow code (a bundle, or the workflows folder to bundle). */
export async function replayRecordedHistories(
  code: Pick<ReplayWorkerOptions, 'workflowBundle' | 'workflowsPath'>,
): Promise<ReplayOutcome> {
  const files = readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.history.pb'))
    .sort();
  const idOf = (f: string) => {
    const file = path.join(HISTORIES_DIR, f.replace(/\.history\.pb$/, '.id'));
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : f;
  };
  const histories = files.map((f) => ({
    workflowId: idOf(f),
    history: temporal.api.history.v1.History.decode(readFileSync(path.join(HISTORIES_DIR, f))),
  }));
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories(code, histories)) {
    replayed += 1;
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  return { files, replayed, failures };
}
