// One run of a task: its state, and the steps its story is told in (send the assignment, wait for
// the report or the next chase, chase, tell the office). Handlers change the state and queue what
// must follow; the main loop does it.
import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  makeContinueAsNewFunc,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  deadlineInstant,
  type HolidayAnnouncement,
  type WorkingCalendar,
  createVietnamCalendar,
} from '../domain/calendar';
import { nextChaseStep, type ChaseStep } from '../domain/chase';
import { directiveWorkflowId } from '../domain/ids';
import type { LocalDate } from '../domain/schemas';
import type { NotifyInput } from '../activities/types';
import { acts, localActs, localMail } from './activities';
import { alarmClock } from './alarm';
import { freshRunDue } from './fresh-run';
import { unlessNotFound } from './errors';
import { taskClosedSignal } from './messages';
import { DEADLINE_KEY, DIRECTIVE_KEY, STATUS_KEY, UNIT_KEY } from './search-attributes';
import { initialTaskState, isOnTime, statusOf } from './task-state';
import type { DeadlineChange, TaskInput, TaskResult, TaskState } from './types';
import type { taskWorkflow } from './task';

/** Temporal allows 2,000 updates a run; continue as new well before. */
export const MAX_UPDATES_PER_RUN = 1_000;
/**
 * A unit that never answers is chased weekly for as long as the directive lasts (years, for a
 * periodic plan); a weekly chase adds about a dozen events, so a run ends well under 2,000.
 */
const MAX_EVENTS_PER_RUN = 1_500;
/** The mails sent by local activity: those a timer or the task's start causes, not an update. */
const IN_WORKFLOW_TASK = new Set<NotifyInput['kind']>(['assignment', 'reminder', 'escalation']);

export class TaskRun {
  readonly workflowId = workflowInfo().workflowId;
  readonly state: TaskState;
  announcements: HolidayAnnouncement[];
  calendar: WorkingCalendar;
  updatesThisRun = 0;
  /** The operator asked pinned runs to move to the current version of the workers. */
  moveToCurrentVersion = false;
  private changed = false;
  private readonly followUps: (() => Promise<unknown>)[] = [];
  private readonly alarm = alarmClock();
  private recordedVersion = -1;
  private toldClosed = false;

  constructor(readonly input: TaskInput) {
    this.state = input.carried ?? initialTaskState(input, Date.now());
    this.announcements = input.calendar;
    this.calendar = createVietnamCalendar(input.calendar);
  }

  get assigned(): boolean {
    return this.state.assignedAt !== undefined;
  }
  get closed(): boolean {
    return this.state.phase === 'done' || this.state.phase === 'cancelled';
  }
  /** Still waiting for a report: reminders and escalations apply. */
  get chasing(): boolean {
    return this.state.phase === 'open' || this.state.phase === 'returned';
  }
  /** The day the unit is chased towards: a returned report's revision date, else the deadline. */
  get dueDay(): LocalDate {
    return this.state.phase === 'returned' && this.state.revisionDue ? this.state.revisionDue : this.state.deadline;
  }

  /** A change of state: the read model follows, and the main loop looks again. */
  touch(): void {
    this.state.version += 1;
    this.changed = true;
  }

  /** Work a change causes (a mail, a signal) that the office or the unit need not wait for. */
  later(job: () => Promise<unknown>): void {
    this.followUps.push(job);
    this.changed = true;
  }

  notify(kind: NotifyInput['kind'], keySuffix: string, extra: Partial<NotifyInput> = {}): Promise<unknown> {
    const { directive, spec } = this.input;
    // The assignment and the chases go out in the workflow task their start or timer wakes (a
    // reminder storm's path); what an update causes goes by activity, so the update answers
    // without waiting for SMTP.
    const mail = IN_WORKFLOW_TASK.has(kind) ? localMail : acts;
    return mail.notify({
      key: `${this.workflowId}:${kind}:${keySuffix}`,
      kind,
      taskWorkflowId: this.workflowId,
      directive,
      unit: spec.unit,
      task: { title: spec.title, deadline: this.state.deadline, role: spec.role, supports: spec.supports },
      calendar: this.announcements,
      ...(this.input.explanation ? { explanation: this.input.explanation } : {}),
      ...extra,
    });
  }

  /** Sends the unit its assignment, with its own link. */
  async sendAssignment(): Promise<void> {
    await this.notify('assignment', '1');
    this.state.assignedAt = Date.now();
    this.touch();
    await this.publish();
    this.tellSender('03');
  }

  /**
   * A directive that came over the document exchange hears how each task stands, as the exchange's
   * status packages: 03 received (the assignment is out), 05 in progress, 06 completed.
   */
  tellSender(statusCode: '03' | '05' | '06'): void {
    if (!this.input.directive.edxml) return;
    const timestamp = Date.now();
    this.later(() => acts.sendStatusPackage({ taskWorkflowId: this.workflowId, statusCode, timestamp }));
  }

  /** Changes the deadline and tells the unit: every change of deadline reaches it by mail. */
  moveDeadline(to: LocalDate, change: Omit<DeadlineChange, 'from' | 'to' | 'at'>, tell = true): void {
    const from = this.state.deadline;
    if (to === from) return;
    const at = Date.now();
    this.state.deadline = to;
    this.state.deadlineChanges.push({ from, to, at, ...change });
    // A deadline moved into the future is a fresh start for the ladder.
    if (deadlineInstant(to) > at) {
      this.state.deadlineSince = at;
      this.state.escalationLevel = 0;
    }
    this.state.cursor = Math.max(this.state.cursor, at);
    this.touch();
    const n = String(this.state.deadlineChanges.length);
    if (tell)
      this.later(() =>
        this.notify('deadline_moved', n, { previousDeadline: from, reason: change.reason ?? change.why }),
      );
  }

  /** The run is long enough: a fresh run (on the newest worker version) carries the state on. */
  get runIsFull(): boolean {
    return this.updatesThisRun >= MAX_UPDATES_PER_RUN || freshRunDue(MAX_EVENTS_PER_RUN, this.moveToCurrentVersion);
  }

  /** Wakes the main loop, which continues as new onto the current version of the workers. */
  requestMove(): void {
    this.moveToCurrentVersion = true;
    this.changed = true;
  }

  async continueAsNew(): Promise<never> {
    await condition(allHandlersFinished);
    await this.sendFollowUps();
    await this.publish();
    const next = makeContinueAsNewFunc<typeof taskWorkflow>({ initialVersioningBehavior: 'AUTO_UPGRADE' });
    return next({ ...this.input, calendar: this.announcements, carried: this.state });
  }

  /** The next reminder or escalation, if the task is still being chased. */
  nextStep(): ChaseStep | undefined {
    if (!this.chasing) return undefined;
    const { policy } = this.input;
    const since = this.state.deadlineSince;
    return nextChaseStep({ policy, deadline: this.dueDay, calendar: this.calendar, since }, this.state.cursor);
  }

  /** Sleeps until the next chase is due or something happens; answers the step that is due, if any. */
  async waitForNextChaseOrChange(): Promise<ChaseStep | undefined> {
    const step = this.nextStep();
    this.changed = false;
    const woken = () => this.changed || this.followUps.length > 0;
    if (!step) {
      await condition(woken);
      return undefined;
    }
    await this.alarm.until(step.at, woken);
    // Something that happened meanwhile may change the step: look again before chasing.
    return !woken() && Date.now() >= step.at ? step : undefined;
  }

  /** Sends one reminder or escalation, unless an extension request pauses escalation. */
  async chase(step: ChaseStep): Promise<void> {
    if (!this.chasing) return;
    this.state.cursor = step.at;
    if (step.kind === 'escalation' && this.state.extension) return;
    const deadline = this.dueDay;
    if (step.kind === 'reminder') {
      await this.notify('reminder', `${deadline}:${step.seq}`, { daysBefore: step.daysBefore });
    } else {
      this.state.escalationLevel = step.level;
      await this.notify('escalation', `${deadline}:${step.seq}`, {
        level: step.level,
        target: step.to,
        weekly: step.weekly,
      });
    }
    const escalation = step.kind === 'escalation';
    this.state.chases.push({
      seq: step.seq,
      kind: step.kind,
      level: escalation ? step.level : 0,
      target: escalation ? step.to : undefined,
      at: Date.now(),
      deadline,
    });
    this.touch();
  }

  async sendFollowUps(): Promise<void> {
    for (let job = this.followUps.shift(); job; job = this.followUps.shift()) await job();
  }

  /** Writes the task's row (once per version of its state), keeps its search attributes, tells a closed directive. */
  async publish(): Promise<void> {
    this.tag();
    if (this.recordedVersion !== this.state.version) {
      this.recordedVersion = this.state.version;
      const { directive, spec, cycle } = this.input;
      const explanation = this.input.explanation;
      await localActs.recordTask({
        workflowId: this.workflowId,
        directive,
        spec,
        cycle,
        state: this.state,
        ...(explanation ? { explanation } : {}),
      });
    }
    if (this.closed && !this.toldClosed) {
      this.toldClosed = true;
      // An explanation request is not one of the directive's tasks.
      if (!this.input.explanation) await this.tellDirective();
    }
  }

  /** The directive counts its tasks; it learns of this one once, when it closes. */
  private async tellDirective(): Promise<void> {
    const accepted = this.state.reports.find((r) => r.review === 'accepted');
    const done = this.state.phase === 'done';
    const parentId = workflowInfo().parent?.workflowId ?? directiveWorkflowId(this.input.directive.key);
    await getExternalWorkflowHandle(parentId)
      .signal(taskClosedSignal, {
        workflowId: this.workflowId,
        outcome: done ? 'done' : 'cancelled',
        onTime: done && isOnTime(this.state.doneAt!, this.state.deadline),
        indicators: (done ? (accepted?.indicators ?? this.state.cascade?.indicators) : undefined) ?? {},
      })
      // A task whose directive has closed (it was amended away, or started by hand) tells no one.
      .catch(unlessNotFound);
  }

  /** Keeps the task findable by directive, unit, status and deadline in Temporal's lists. */
  private tag(): void {
    const status = statusOf({ ...this.state, assignedAt: this.state.assignedAt ?? 0 }, Date.now(), this.calendar);
    const deadline = new Date(deadlineInstant(this.state.deadline));
    const now = workflowInfo().typedSearchAttributes;
    if (now.get(STATUS_KEY) === status && now.get(DEADLINE_KEY)?.getTime() === deadline.getTime()) return;
    upsertSearchAttributes([
      { key: DIRECTIVE_KEY, value: this.input.directive.key },
      { key: UNIT_KEY, value: this.input.spec.unit },
      { key: STATUS_KEY, value: status },
      { key: DEADLINE_KEY, value: deadline },
    ]);
  }

  /** The task has closed: whatever the last update caused is done before the run ends. */
  async finish(): Promise<TaskResult> {
    await condition(allHandlersFinished);
    await this.sendFollowUps();
    await this.publish();
    return this.result();
  }

  result(): TaskResult {
    const accepted = this.state.reports.find((r) => r.review === 'accepted');
    if (this.state.phase !== 'done') return { outcome: 'cancelled', onTime: false, indicators: {} };
    return {
      outcome: 'done',
      onTime: isOnTime(this.state.doneAt!, this.state.deadline),
      doneAt: this.state.doneAt,
      receipt: accepted?.receipt,
      indicators: accepted?.indicators ?? this.state.cascade?.indicators ?? {},
    };
  }
}
