// Every recorded history (test/histories) replayed against the workflow code of the working tree,
// bundled afresh: determinism errors must be none.
import path from 'node:path';
import { replayRecordedHistories } from '../helpers/replay';
import { reportFigures, seconds } from './parts';

test('every recorded history replays against the current workflow code with no determinism error', async () => {
  const t0 = Date.now();
  const { files, replayed, failures } = await replayRecordedHistories({
    workflowsPath: path.resolve(__dirname, '..', '..', 'workflows'),
  });
  reportFigures('replay', {
    histories: files.length,
    replayed,
    determinism_errors: failures.length,
    seconds: seconds(t0),
  });
  expect(files.length).toBeGreaterThanOrEqual(3);
  expect(failures).toEqual([]);
  expect(replayed).toBe(files.length);
}, 300_000);
