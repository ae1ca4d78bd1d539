// One run of a directive: its counts and its start queue, and the steps its story is told in
// (open the cycle that is due, start the next batch of tasks, wait for their progress, close).
// It keeps counts, not tasks: a task's detail lives in its own workflow and in the read model.
import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  makeContinueAsNewFunc,
  workflowInfo,
} from '@temporalio/workflow';
import { atLocalTime, localDateOf, type WorkingCalendar, createVietnamCalendar } from '../domain/calendar';
import { reportingCycles, type Cycle } from '../domain/periods';
import type { StartTasksInput, StartTasksResult } from '../activities/types';
import { acts, taskStarts } from './activities';
import { alarmClock } from './alarm';
import { freshRunDue } from './fresh-run';
import { unlessNotFound } from './errors';
import { subDirectiveClosedSignal } from './messages';
import type { directiveWorkflow } from './directive';
import type { DirectiveInput, DirectiveResult, DirectiveState, DirectiveView, StartQueue, TaskClosed } from './types';

/** At most this many tasks are started in one run. */
export const START_BATCH = 500;
/** How often, at most, the directive's progress is written to the read model. */
const RECORD_EVERY_MS = 10_000;
/** A run's own history bound: tasks that close each add a signal. */
const MAX_EVENTS_PER_RUN = 5_000;
/** Open tasks are cancelled this many at a time: each is a command of the directive's next task. */
const CANCEL_GROUP = 100;

export class DirectiveRun {
  readonly workflowId = workflowInfo().workflowId;
  readonly state: DirectiveState;
  readonly cycles: Cycle[];
  calendar: WorkingCalendar;
  private readonly batchSize: number;
  private startedThisRun = 0;
  private changed = false;
  private recordedAt = 0;
  private unrecorded = true;
  private readonly alarm = alarmClock();
  private busy = false;
  /** The operator asked pinned runs to move to the current version of the workers. */
  private moveToCurrentVersion = false;

  constructor(readonly input: DirectiveInput) {
    this.cycles = reportingCycles(input.schedule);
    this.calendar = createVietnamCalendar(input.calendar);
    this.batchSize = Math.min(START_BATCH, Math.max(1, input.batchSize ?? START_BATCH));
    const launchedAt = input.launchedAt ?? Date.now();
    this.state = input.carried ?? {
      phase: 'running',
      launchedAt,
      // A one-off directive starts all its tasks now, their deadlines counted from today.
      queue: this.cycles.length ? undefined : { cycle: '', base: localDateOf(launchedAt), next: 0, added: [] },
      nextCycle: 0,
      started: 0,
      closed: { onTime: 0, late: 0, cancelled: 0 },
      indicators: {},
      added: [],
      removed: [],
      moved: {},
      version: 1,
    };
  }

  get summary() {
    return this.input.directive;
  }
  get open(): number {
    const { onTime, late, cancelled } = this.state.closed;
    return this.state.started - onTime - late - cancelled;
  }
  get cyclesLeft(): boolean {
    return this.state.phase === 'running' && this.state.nextCycle < this.cycles.length;
  }
  /** Every task started has closed, and none is still to come. */
  get finished(): boolean {
    if (this.state.phase === 'cancelling') return this.open === 0;
    return !this.state.queue && !this.cyclesLeft && this.open === 0;
  }
  /** The cycle whose tasks are (or were last) started: its key and the day deadlines count from. */
  get currentCycle(): { cycle: string; base: string } | undefined {
    if (this.state.queue) return this.state.queue;
    if (!this.cycles.length) return { cycle: '', base: localDateOf(Date.now()) };
    const last = this.cycles[this.state.nextCycle - 1];
    return last ? { cycle: last.key, base: last.due } : undefined;
  }

  /**
   * Runs one change of the start queue at a time: an amendment that looks a unit up must not
   * interleave with the batch that would start it.
   */
  async exclusive<T>(change: () => Promise<T>): Promise<T> {
    // Checked again on waking: another waiter may have taken the turn first.
    while (this.busy) await condition(() => !this.busy);
    this.busy = true;
    try {
      return await change();
    } finally {
      this.busy = false;
    }
  }

  touch(): void {
    this.state.version += 1;
    this.changed = true;
    this.unrecorded = true;
  }

  taskClosed(t: TaskClosed): void {
    const c = this.state.closed;
    if (t.outcome === 'cancelled') c.cancelled += 1;
    else if (t.onTime) c.onTime += 1;
    else c.late += 1;
    for (const [code, v] of Object.entries(t.indicators))
      this.state.indicators[code] = (this.state.indicators[code] ?? 0) + v;
    this.touch();
  }

  /** A periodic plan opens each cycle when its period begins (the first at once). */
  openDueCycle(): void {
    if (!this.cyclesLeft || this.state.queue) return;
    const cycle = this.cycles[this.state.nextCycle];
    if (this.state.nextCycle > 0 && Date.now() < atLocalTime(cycle.from, this.input.policy.sendHour)) return;
    this.state.queue = { cycle: cycle.key, base: cycle.due, next: 0, added: [...this.state.added] };
    this.state.nextCycle += 1;
    this.touch();
  }

  get hasQueuedTasks(): boolean {
    return this.state.queue !== undefined;
  }

  /** A run is done when its batch is started, when the server suggests it, or when a new version is waiting. */
  get runIsFull(): boolean {
    const batchDone = this.startedThisRun >= this.batchSize && this.hasQueuedTasks;
    // A periodic plan runs for years: a fresh run per cycle keeps each history short.
    const cycleDone = this.cycles.length > 0 && this.startedThisRun > 0 && !this.hasQueuedTasks;
    return batchDone || cycleDone || freshRunDue(MAX_EVENTS_PER_RUN, this.moveToCurrentVersion);
  }

  /** Wakes the main loop, which continues as new onto the current version of the workers. */
  requestMove(): void {
    this.moveToCurrentVersion = true;
    this.changed = true;
  }

  /** Starts the next tasks of the queue, at most a batch a run. */
  startNextBatch(): Promise<void> {
    return this.exclusive(() => this.startBatch());
  }

  private async startBatch(): Promise<void> {
    const queue = this.state.queue;
    if (!queue) return; // an amendment or a cancel emptied it meanwhile
    const room = this.batchSize - this.startedThisRun;
    let planned: number;
    if (queue.next < this.input.taskCount) {
      const count = Math.min(room, this.input.taskCount - queue.next);
      ({ planned } = await this.startTasks(queue, { from: queue.next, count }));
      queue.next += count;
    } else {
      ({ planned } = await this.startTasks(queue, { specs: queue.added.splice(0, room) }));
    }
    this.startedThisRun += Math.max(planned, 1);
    if (queue.next >= this.input.taskCount && queue.added.length === 0) this.state.queue = undefined;
    this.touch();
  }

  /**
   * Plans tasks of a cycle (a slice of the document, or units added by amendment) and starts
   * them, in one activity: the history holds counts, not a start and a task input per task.
   */
  async startTasks(
    at: { cycle: string; base: string },
    which: Pick<StartTasksInput, 'from' | 'count' | 'specs'>,
  ): Promise<StartTasksResult> {
    const { policy, calendar } = this.input;
    const { removed, moved } = this.state;
    // The cycle and its base only: the queue's own fields stay out of the history.
    const { cycle, base } = at;
    const input = { directive: this.summary, policy, calendar, cycle, base, removed, moved, ...which };
    const result = await taskStarts.startTasks(input);
    this.state.started += result.started;
    return result;
  }

  /** Sleeps until a task closes, the next cycle opens, or progress is due to be written. */
  async waitForProgress(): Promise<void> {
    this.changed = false;
    const next = this.cyclesLeft ? this.cycles[this.state.nextCycle] : undefined;
    let wake = next ? atLocalTime(next.from, this.input.policy.sendHour) : Infinity;
    // Progress reaches the read model at most every RECORD_EVERY_MS: a burst of reports is one write.
    if (this.unrecorded) {
      if (Date.now() - this.recordedAt >= RECORD_EVERY_MS) await this.record();
      else wake = Math.min(wake, this.recordedAt + RECORD_EVERY_MS);
    }
    if (wake === Infinity) await condition(() => this.changed);
    else await this.alarm.until(wake, () => this.changed);
  }

  /** Writes the directive's phase and counts to the read model. */
  async record(): Promise<void> {
    this.recordedAt = Date.now();
    this.unrecorded = false;
    await acts.recordDirective({
      workflowId: this.workflowId,
      number: this.summary.key,
      phase: this.state.phase,
      launchedAt: this.state.launchedAt,
      version: this.state.version,
      summary: { ...this.counts(), open: this.open },
    });
  }

  /** Stops chasing: nothing more starts, and every open task is cancelled (its unit told once). */
  async cancelOpen(reason: string): Promise<number> {
    this.state.phase = 'cancelling';
    this.state.cancelReason = reason;
    this.state.queue = undefined;
    const open = this.open;
    for (let after = ''; ;) {
      const ids = await acts.openTasks({ key: this.summary.key, after, limit: CANCEL_GROUP * 5 });
      for (let i = 0; i < ids.length; i += CANCEL_GROUP)
        await Promise.all(
          ids.slice(i, i + CANCEL_GROUP).map((id) => getExternalWorkflowHandle(id).cancel().catch(unlessNotFound)),
        );
      if (ids.length < CANCEL_GROUP * 5) break;
      after = ids.at(-1)!;
    }
    this.touch();
    return open;
  }

  async continueAsNew(): Promise<never> {
    await condition(allHandlersFinished);
    await this.record();
    const next = makeContinueAsNewFunc<typeof directiveWorkflow>({ initialVersioningBehavior: 'AUTO_UPGRADE' });
    return next({ ...this.input, carried: this.state });
  }

  /** Closes the directive: records it, asks for the consolidated report, tells a parent task. */
  async close(): Promise<DirectiveResult> {
    const phase: DirectiveResult['phase'] = this.state.phase === 'cancelling' ? 'cancelled' : 'done';
    this.state.phase = phase;
    this.touch();
    await this.record();
    await condition(allHandlersFinished);
    const result = { ...this.counts(), phase };
    if (phase === 'done') await acts.consolidate({ directiveKey: this.summary.key });
    const parent = this.input.parentTaskWorkflowId;
    // A sub-directive: the district task that started it may close with it.
    if (parent)
      await getExternalWorkflowHandle(parent)
        .signal(subDirectiveClosedSignal, { key: this.summary.key, ...result })
        .catch(unlessNotFound);
    return result;
  }

  counts(): Omit<DirectiveResult, 'phase'> {
    const { onTime, late, cancelled } = this.state.closed;
    return { tasks: this.state.started, onTime, late, cancelled, indicators: this.state.indicators };
  }

  view(): DirectiveView {
    const queue: StartQueue | undefined = this.state.queue;
    const queued = queue ? Math.max(0, this.input.taskCount - queue.next) + queue.added.length : 0;
    const { onTime, late, cancelled } = this.state.closed;
    return {
      key: this.summary.key,
      number: this.summary.number,
      phase: this.state.phase,
      launchedAt: this.state.launchedAt,
      total: this.state.started + queued,
      started: this.state.started,
      queued,
      open: this.open,
      onTime,
      late,
      cancelled,
      indicators: this.state.indicators,
    };
  }
}
