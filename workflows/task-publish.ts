// How a task tells the world about itself: its row in the read model (once per version of its
// state), its search attributes, the directive's progress signal, and the work an update causes
// but need not wait for, done from the task's main loop after the update has answered.
import { getExternalWorkflowHandle, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { deadlineInstant, type WorkingCalendar } from '../domain/calendar';
import { acts, localActs } from './activities';
import { directiveWorkflowId, taskProgressSignal } from './messages';
import { DEADLINE_KEY, DIRECTIVE_KEY, STATUS_KEY, UNIT_KEY } from './search-attributes';
import { progressOf, statusOf } from './task-state';
import type { TaskInput, TaskProgress, TaskState } from './types';

export interface PublisherContext {
  workflowId: string;
  input: TaskInput;
  state: TaskState;
  calendar: WorkingCalendar;
  /** patched('quick-updates'): the row by a local activity, follow-ups after the answer. */
  quick: boolean;
  /** Wakes the task's main loop to run the follow-ups. */
  wake(): void;
}

export function taskPublisher({ workflowId, input, state, calendar, quick, wake }: PublisherContext) {
  let lastTags = '';
  let recordedVersion = -1;
  let lastProgress = '';
  const followUps: Array<() => Promise<unknown>> = [];

  /** Keeps the task findable by directive, unit, status and deadline in Temporal's lists. */
  const tag = () => {
    if (!patched('search-attributes')) return;
    const status = statusOf(state, Date.now(), calendar);
    if (`${status}|${state.deadline}` === lastTags) return;
    lastTags = `${status}|${state.deadline}`;
    upsertSearchAttributes([
      { key: DIRECTIVE_KEY, value: input.directive.number },
      { key: UNIT_KEY, value: input.spec.unit },
      { key: STATUS_KEY, value: status },
      { key: DEADLINE_KEY, value: new Date(deadlineInstant(state.deadline)) },
    ]);
  };

  /** Work an update causes but need not wait for; without `quick`, done at once as before. */
  const afterwards = async (job: () => Promise<unknown>) => {
    if (!quick) return void (await job());
    followUps.push(job);
    wake();
  };
  const drain = async () => {
    for (let job = followUps.shift(); job; job = followUps.shift()) await job();
  };

  /** Writes the task's row in the read model (once per version of the state). */
  const record = async () => {
    tag();
    if (quick && recordedVersion === state.version) return;
    recordedVersion = state.version;
    const row = { workflowId, directive: input.directive, spec: input.spec, cycle: input.cycle, state };
    await (quick ? localActs.recordTask(row) : acts.recordTask(row));
  };

  /** Tells the directive when the task's outline changed. */
  const tellParent = async () => {
    const progress = progressOf(workflowId, input, state);
    const outline = JSON.stringify(progress);
    if (outline === lastProgress) return;
    lastProgress = outline;
    const parentId = workflowInfo().parent?.workflowId ?? directiveWorkflowId(input.directive.number);
    // The directive may already be closed (a task started by hand, or amended away): not our concern.
    await getExternalWorkflowHandle(parentId)
      .signal(taskProgressSignal, progress)
      .catch(() => undefined);
  };

  /** Writes the read model and tells the directive when the task's outline changed. */
  const publish = async () => {
    await record();
    await tellParent();
  };
  /** What an update handler does: the row now, the directive after the answer. */
  const publishForUpdate = async () => {
    await record();
    await afterwards(tellParent);
  };

  return {
    afterwards,
    drain,
    publish,
    publishForUpdate,
    /** Follow-ups wait to be run. */
    pending: () => followUps.length > 0,
    /**
     * The directive already counts the task as it started it: open. An update that came with the
     * task's first activation ran before this (buffered updates run as their handler is set) and
     * may have moved the task on; that news must still reach the directive. Runs that met this
     * before the patch recorded no signal for it, and replay the same.
     */
    progressSent: (opening: TaskProgress) => {
      const now = JSON.stringify(progressOf(workflowId, input, state));
      const started = JSON.stringify(opening);
      lastProgress = now !== started && patched('opening-outline') ? started : now;
    },
  };
}
