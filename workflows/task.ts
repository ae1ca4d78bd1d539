// One department's obligation under a directive (one cycle of it, for periodic reports). It sends
// the assignment, then sleeps until the next reminder or escalation, or until the department or
// the office acts, and closes when the report is accepted or the office cancels it.
import { CancellationScope, getExternalWorkflowHandle, isCancellation } from '@temporalio/workflow';
import { unlessNotFound } from './errors';
import { listen } from './task-handlers';
import { TaskRun } from './task-run';
import type { TaskInput, TaskResult } from './types';

export async function taskWorkflow(input: TaskInput): Promise<TaskResult> {
  const task = new TaskRun(input);
  listen(task);
  try {
    if (!task.assigned) await task.sendAssignment();
    while (!task.closed) {
      if (task.runIsFull) return await task.continueAsNew();
      const due = await task.waitForNextChaseOrChange();
      // Receipts and decisions first: a unit hears what it did before it is chased again.
      await task.sendFollowUps();
      if (due) await task.chase(due);
      await task.publish();
    }
    return await task.finish();
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // Cancelled by the office (the directive cancelled, or the unit removed): tell the unit, then stop.
    return CancellationScope.nonCancellable(async () => {
      const cascade = task.state.cascade;
      if (cascade?.phase === 'running')
        await getExternalWorkflowHandle(cascade.workflowId).cancel().catch(unlessNotFound);
      task.state.phase = 'cancelled';
      task.touch();
      await task.publish();
      await task.notify('cancellation', '1');
      return task.result();
    });
  }
}
