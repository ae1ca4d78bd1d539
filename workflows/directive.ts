// A directive: one task per unit (per cycle, for periodic reports), chased until every task is
// closed. Tasks are started in batches and the directive continues as new between batches and
// cycles, carrying counts, not tasks: no run holds more than a batch and no input grows with size.
import { CancellationScope, isCancellation } from '@temporalio/workflow';
import { listen } from './directive-handlers';
import { DirectiveRun } from './directive-run';
import type { DirectiveInput, DirectiveResult } from './types';

export async function directiveWorkflow(input: DirectiveInput): Promise<DirectiveResult> {
  const directive = new DirectiveRun(input);
  listen(directive);
  try {
    await startAndChase(directive);
    return await directive.close();
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // Cancelled as a workflow (the district task that started it was cancelled, or an operator
    // cancelled it): the same as the cancel update, and it still closes in order.
    return CancellationScope.nonCancellable(async () => {
      if (directive.state.phase === 'running') await directive.cancelOpen('cancelled with the task it came from');
      await startAndChase(directive);
      return directive.close();
    });
  }
}

/** Opens each cycle when due, starts its tasks a batch at a time, and waits for them to close. */
async function startAndChase(directive: DirectiveRun): Promise<void> {
  while (!directive.finished) {
    if (directive.runIsFull) await directive.continueAsNew();
    directive.openDueCycle();
    if (directive.hasQueuedTasks) await directive.startNextBatch();
    else await directive.waitForProgress();
  }
}
