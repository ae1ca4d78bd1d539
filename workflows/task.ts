// One department's obligation under a directive (one cycle of it, for periodic reports).
// It sleeps until the next reminder or escalation, or until the department or the office acts.
import {
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  isCancellation,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { localDateOf, vietnamCalendar } from '../domain/calendar';
import { nextChaseStep, revisionDeadline, type ChaseStep } from '../domain/chase';
import { schemas } from './lazy-schemas';
import { acts } from './activities';
import { alarmClock } from './alarm';
import { taskPublisher } from './task-publish';
import {
  acknowledgeUpdate,
  decideExtensionUpdate,
  moveDeadlineSignal,
  requestExtensionUpdate,
  reviewReportUpdate,
  submitReportUpdate,
  supportReportedSignal,
  taskStateQuery,
} from './messages';
import { taskView, initialTaskState, isOnTime, progressOf, receiptNumber } from './task-state';
import { isChasing, taskChecks } from './task-checks';
import { handleCascade } from './cascade';
import type { NotifyInput } from '../activities/types';
import type { TaskInput, TaskResult, TaskState } from './types';

/** Temporal allows 2,000 updates a run; continue as new well before. */
const MAX_UPDATES_PER_RUN = 1_000;
/**
 * A run's own history bound: a unit that never answers is chased weekly for as long as the
 * directive lasts (years, for a periodic plan), and the server suggests continuing as new only
 * past 4,096 events. A weekly chase adds about a dozen, so a run ends well under 2,000.
 */
const MAX_EVENTS_PER_RUN = 1_500;

export async function taskWorkflow(input: TaskInput): Promise<TaskResult> {
  const { workflowId } = workflowInfo();
  const calendar = vietnamCalendar();
  const state: TaskState = input.state ? { ...input.state, updatesThisRun: 0 } : initialTaskState(input, Date.now());
  // What the directive holds of the task when it starts it, before any handler can change it.
  const opening = progressOf(workflowId, input, state);
  let changed = false;
  const alarm = alarmClock();
  // Handlers wait for the assignment to go out first: a receipt must never precede it.
  let assigned = input.state !== undefined;
  const touch = () => {
    state.version += 1;
    changed = true;
  };
  const chasing = () => isChasing(state);
  const checks = taskChecks(input, state, MAX_UPDATES_PER_RUN * 1.8, calendar);
  const notify = async (kind: NotifyInput['kind'], keySuffix: string, extra: Partial<NotifyInput> = {}) => {
    if (kind !== 'assignment') await condition(() => assigned);
    return acts.notify({
      key: `${workflowId}:${kind}:${keySuffix}`,
      kind,
      taskWorkflowId: workflowId,
      directive: input.directive,
      unit: input.spec.unit,
      task: { title: input.spec.title, deadline: state.deadline, role: input.spec.role, supports: input.spec.supports },
      ...extra,
    });
  };

  // Updates answer as soon as the task's row is written (in the worker, a local activity); the
  // mails and signals they cause follow from the main loop. Runs begun before keep the old order.
  const quick = patched('quick-updates');
  const { afterwards, drain, pending, publish, publishForUpdate, progressSent } = taskPublisher({
    workflowId,
    input,
    state,
    calendar,
    quick,
    wake: () => {
      changed = true;
    },
  });

  setHandler(taskStateQuery, () => taskView(workflowId, input, state, Date.now(), calendar));

  setHandler(
    acknowledgeUpdate,
    async ({ by }) => {
      state.updatesThisRun += 1;
      if (state.acknowledgedAt === undefined) {
        state.acknowledgedAt = Date.now();
        state.acknowledgedBy = by;
        if (input.spec.completion === 'acknowledgement') {
          state.phase = 'done';
          state.doneAt = state.acknowledgedAt;
        }
        touch();
        await publishForUpdate();
      }
      return { acknowledgedAt: state.acknowledgedAt };
    },
    {
      validator: (req) => checks.acknowledge(req),
    },
  );

  setHandler(
    submitReportUpdate,
    async (submission) => {
      state.updatesThisRun += 1;
      // A double submit (refresh, back button) answers with the receipt already given.
      const earlier = state.reports.find((r) => r.submissionId === submission.submissionId);
      if (earlier)
        return {
          receipt: earlier.receipt,
          submittedAt: earlier.submittedAt,
          deadline: state.deadline,
          onTime: isOnTime(earlier.submittedAt, state.deadline),
        };
      const sub = schemas().ReportSubmissionSchema.parse(submission);
      const submittedAt = Date.now();
      const receipt = receiptNumber(input, state.reports.length + 1);
      state.reports.push({
        receipt,
        submissionId: sub.submissionId,
        submittedAt,
        submittedBy: sub.submittedBy,
        text: sub.text,
        indicators: sub.indicators,
        attachments: sub.attachments,
        review: 'pending',
      });
      state.phase = 'submitted';
      if (state.escalationLevel > 0) state.escalationLevel = 0; // the report de-escalates the task
      touch();
      await publishForUpdate();
      if (input.leadWorkflowId) {
        const lead = getExternalWorkflowHandle(input.leadWorkflowId);
        await afterwards(() =>
          lead.signal(supportReportedSignal, { unit: input.spec.unit, receipt, submittedAt }).catch(() => undefined),
        );
      }
      await afterwards(() => notify('receipt', receipt, { receipt, submittedAt, indicators: sub.indicators }));
      return { receipt, submittedAt, deadline: state.deadline, onTime: isOnTime(submittedAt, state.deadline) };
    },
    {
      validator: (submission) => checks.submitReport(submission),
    },
  );

  setHandler(
    requestExtensionUpdate,
    async (req) => {
      state.updatesThisRun += 1;
      state.extension = { requested: req.until, reason: req.reason, by: req.by, at: Date.now() };
      touch();
      await publishForUpdate();
      return { requested: req.until };
    },
    {
      validator: (req) => checks.requestExtension(req),
    },
  );

  setHandler(
    decideExtensionUpdate,
    async (decision) => {
      state.updatesThisRun += 1;
      const pending = state.extension!;
      const deadline = decision.approve
        ? calendar.nextWorkingDay(decision.deadline ?? pending.requested, true)
        : state.deadline;
      state.extensions.push({
        requested: pending.requested,
        decided: decision.approve ? 'approved' : 'rejected',
        deadline,
        at: Date.now(),
        comment: decision.comment,
      });
      state.extension = undefined;
      if (decision.approve) {
        state.deadline = deadline;
        state.cursor = Math.max(state.cursor, Date.now());
      }
      touch();
      await publishForUpdate();
      const decided = String(state.extensions.length);
      await afterwards(() =>
        notify('extension_decision', decided, { approved: decision.approve, comment: decision.comment }),
      );
      return { deadline: state.deadline };
    },
    {
      validator: (decision) => checks.decideExtension(decision),
    },
  );

  setHandler(
    reviewReportUpdate,
    async (decision) => {
      state.updatesThisRun += 1;
      const report = state.reports.find((r) => r.receipt === decision.receipt)!;
      report.review = decision.accept ? 'accepted' : 'returned';
      report.reviewComment = decision.comment;
      report.reviewedBy = decision.by;
      if (decision.accept) {
        state.phase = 'done';
        state.doneAt = report.submittedAt;
      } else {
        // A returned report reopens the task with a short new deadline from the policy.
        state.phase = 'returned';
        state.deadline = revisionDeadline(localDateOf(Date.now()), input.policy, calendar);
        state.cursor = Date.now();
      }
      touch();
      await publishForUpdate();
      if (!decision.accept)
        await afterwards(() =>
          notify('returned', report.receipt, { comment: decision.comment, receipt: report.receipt }),
        );
      return { state: state.phase, deadline: state.deadline };
    },
    {
      validator: (decision) => checks.reviewReport(decision),
    },
  );

  setHandler(moveDeadlineSignal, ({ deadline }) => {
    if (!chasing() && state.phase !== 'submitted') return;
    state.deadline = calendar.nextWorkingDay(deadline, true);
    state.cursor = Math.max(state.cursor, Date.now());
    touch();
  });

  setHandler(supportReportedSignal, (s) => {
    if (!state.supportReports.some((r) => r.receipt === s.receipt)) {
      state.supportReports.push(s);
      touch();
    }
  });

  handleCascade({ workflowId, input, state, calendar, touch, publish, check: (req) => checks.cascade(req) });

  /** Sends one reminder or escalation, unless an extension request pauses escalation. */
  const fire = async (step: ChaseStep) => {
    state.cursor = step.at;
    if (step.kind === 'escalation' && state.extension) return;
    const deadline = state.deadline;
    if (step.kind === 'reminder') {
      await notify('reminder', `${deadline}:${step.seq}`, { daysBefore: step.daysBefore });
    } else {
      state.escalationLevel = step.level;
      await notify('escalation', `${deadline}:${step.seq}`, {
        level: step.level,
        target: step.to,
        weekly: step.weekly,
      });
    }
    state.chases.push({
      seq: step.seq,
      kind: step.kind,
      level: step.kind === 'escalation' ? step.level : 0,
      target: step.kind === 'escalation' ? step.to : undefined,
      at: Date.now(),
      deadline,
    });
    touch();
  };

  try {
    if (!input.state) {
      // The directive already counts a task it started as open: no need to tell it so.
      if (patched('quiet-start')) progressSent(opening);
      await publish();
      await notify('assignment', '1');
      assigned = true;
    }
    while (state.phase !== 'done') {
      const long = workflowInfo().historyLength >= MAX_EVENTS_PER_RUN && patched('history-bound');
      if (state.updatesThisRun >= MAX_UPDATES_PER_RUN || workflowInfo().continueAsNewSuggested || long) {
        await condition(allHandlersFinished);
        await drain();
        return await continueAsNew<typeof taskWorkflow>({ ...input, state });
      }
      const step = chasing()
        ? nextChaseStep({ policy: input.policy, deadline: state.deadline, calendar }, state.cursor)
        : undefined;
      changed = false;
      const woken = () => changed || pending();
      let due = false;
      if (!step) await condition(woken);
      else if (patched('uncancelled-timers')) {
        await alarm.until(step.at, woken);
        // Something that happened meanwhile may change the step: look again before chasing.
        due = !woken() && Date.now() >= step.at;
      } else due = !(await condition(woken, Math.max(1, step.at - Date.now())));
      await drain();
      if (due && step && chasing()) await fire(step);
      await publish();
    }
    await condition(allHandlersFinished);
    await drain();
    const accepted = state.reports.find((r) => r.review === 'accepted');
    return {
      outcome: 'done',
      onTime: isOnTime(state.doneAt!, state.deadline),
      doneAt: state.doneAt,
      receipt: accepted?.receipt,
      indicators: accepted?.indicators ?? state.cascade?.indicators ?? {},
    };
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // Cancelled by the office (directive cancelled or unit removed): tell the unit, then stop.
    await CancellationScope.nonCancellable(async () => {
      await drain();
      if (state.cascade?.phase === 'running')
        await getExternalWorkflowHandle(state.cascade.workflowId)
          .cancel()
          .catch(() => undefined);
      state.phase = 'cancelled';
      touch();
      await publish();
      await notify('cancellation', '1');
    });
    return { outcome: 'cancelled', onTime: false, indicators: {} };
  }
}
