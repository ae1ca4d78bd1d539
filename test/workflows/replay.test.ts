// Histories recorded from the scenario tests (RECORD_HISTORIES=1 npm run test:workflow) are
// replayed against today's workflow code: a change that breaks determinism fails here.
import { BUNDLE_PATH } from '../helpers/temporal';
import { replayRecordedHistories } from '../helpers/replay';

test('every recorded history replays without a determinism error', async () => {
  const { files, replayed, failures } = await replayRecordedHistories({ workflowBundle: { codePath: BUNDLE_PATH } });
  expect(files.length).toBeGreaterThanOrEqual(3);
  expect(failures).toEqual([]);
  expect(replayed).toBe(files.length);
}, 120_000);
