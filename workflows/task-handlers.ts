// Everything a task answers: the department's acknowledgement, report and extension request, the
// office's review and extension decision, a moved deadline, a corrected calendar, and the query
// for its state. An update answers once the task's row is written; mails follow from the main loop.
import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import { localDateOf, createVietnamCalendar } from '../domain/calendar';
import { revisionDue } from '../domain/chase';
import { receiptNumber } from '../domain/ids';
import { deadlineOf } from '../domain/plan';
import {
  acknowledgeUpdate,
  calendarChangedSignal,
  decideExtensionUpdate,
  moveDeadlineSignal,
  moveToCurrentVersionSignal,
  requestExtensionUpdate,
  reviewReportUpdate,
  submitReportUpdate,
  taskStateQuery,
} from './messages';
import { handleCascade } from './cascade';
import { taskChecks } from './task-checks';
import { isOnTime, taskView } from './task-state';
import type { TaskRun } from './task-run';
import type { ReportRecord, ReportSubmission, ReviewDecision } from './types';

/** One way to take an update: check it against the state, act, write the row, answer. */
function onUpdate<Ret, Args extends unknown[]>(
  task: TaskRun,
  update: UpdateDefinition<Ret, Args>,
  check: (...args: NoInfer<Args>) => void,
  act: (...args: NoInfer<Args>) => Ret | Promise<Ret>,
): void {
  setHandler(
    update,
    async (...args: Args) => {
      task.updatesThisRun += 1;
      const answer = await act(...args);
      await task.publish();
      return answer;
    },
    { validator: check },
  );
}

export function listen(task: TaskRun): void {
  const { state, input } = task;
  const checks = taskChecks(task);

  setHandler(taskStateQuery, () => taskView(task.workflowId, input, state, Date.now(), task.calendar));

  onUpdate(task, acknowledgeUpdate, checks.acknowledge, ({ by }) => {
    if (state.acknowledgedAt === undefined) {
      state.acknowledgedAt = Date.now();
      state.acknowledgedBy = by;
      if (input.spec.completion === 'acknowledgement') closeAsDone(task, state.acknowledgedAt);
      task.touch();
      task.tellSender(task.closed ? '06' : '05');
    }
    return { acknowledgedAt: state.acknowledgedAt };
  });

  onUpdate(task, submitReportUpdate, checks.submitReport, (sub) => {
    const report = state.reports.find((r) => r.submissionId === sub.submissionId) ?? takeReport(task, sub);
    return {
      receipt: report.receipt,
      submittedAt: report.submittedAt,
      deadline: state.deadline,
      onTime: isOnTime(report.submittedAt, state.deadline),
    };
  });

  onUpdate(task, requestExtensionUpdate, checks.requestExtension, (req) => {
    state.extension = { requested: req.until, reason: req.reason, by: req.by, at: Date.now() };
    task.touch();
    return { requested: req.until };
  });

  onUpdate(task, decideExtensionUpdate, checks.decideExtension, (decision) => {
    const asked = state.extension!;
    const deadline = decision.approve
      ? task.calendar.nextWorkingDay(decision.deadline ?? asked.requested, true)
      : state.deadline;
    state.extensions.push({
      requested: asked.requested,
      decided: decision.approve ? 'approved' : 'rejected',
      deadline,
      at: Date.now(),
      comment: decision.comment,
    });
    state.extension = undefined;
    // The decision mail tells the new date itself.
    if (decision.approve)
      task.moveDeadline(deadline, { by: decision.by, why: 'extension', reason: decision.comment }, false);
    task.touch();
    const n = String(state.extensions.length);
    task.later(() => task.notify('extension_decision', n, { approved: decision.approve, comment: decision.comment }));
    return { deadline: state.deadline };
  });

  onUpdate(task, reviewReportUpdate, checks.reviewReport, (decision) => review(task, decision));

  setHandler(moveDeadlineSignal, ({ deadline, by, reason }) => {
    if (task.closed) return;
    task.moveDeadline(task.calendar.nextWorkingDay(deadline, true), { by, why: 'moved', reason });
  });

  setHandler(calendarChangedSignal, ({ calendar, by }) => {
    task.announcements = calendar;
    task.calendar = createVietnamCalendar(calendar);
    task.touch();
    if (task.closed) return;
    // A deadline the office set by hand stays that date (or the next working day); one counted
    // by a rule is counted again on the corrected calendar.
    const byHand = state.deadlineChanges.some((c) => c.why !== 'calendar');
    const to = byHand ? task.calendar.nextWorkingDay(state.deadline, true) : deadlineOf(input.rule, task.calendar);
    task.moveDeadline(to, { by, why: 'calendar' });
    if (state.revisionDue) state.revisionDue = task.calendar.nextWorkingDay(state.revisionDue, true);
  });

  setHandler(moveToCurrentVersionSignal, () => task.requestMove());

  handleCascade(task);
}

/** A report arrives: it waits for the office's review, unless the policy takes reports as they come. */
function takeReport(task: TaskRun, sub: ReportSubmission): ReportRecord {
  const { state, input } = task;
  const report: ReportRecord = {
    receipt: receiptNumber(task.workflowId, state.reports.length + 1),
    submissionId: sub.submissionId,
    submittedAt: Date.now(),
    submittedBy: sub.submittedBy,
    text: sub.text,
    indicators: sub.indicators,
    attachments: sub.attachments,
    review: 'pending',
  };
  state.reports.push(report);
  state.phase = 'submitted';
  state.escalationLevel = 0; // the report de-escalates the task
  if (!input.policy.reviewReports) {
    report.review = 'accepted';
    closeAsDone(task, report.submittedAt);
  }
  task.touch();
  task.later(() =>
    task.notify('receipt', report.receipt, {
      receipt: report.receipt,
      submittedAt: report.submittedAt,
      indicators: sub.indicators,
    }),
  );
  return report;
}

/** The office accepts a report (the task is done, on time or not by that report) or returns it. */
function review(task: TaskRun, decision: ReviewDecision) {
  const { state, input } = task;
  const report = state.reports.find((r) => r.receipt === decision.receipt)!;
  report.review = decision.accept ? 'accepted' : 'returned';
  report.reviewComment = decision.comment;
  report.reviewedBy = decision.by;
  report.reviewedAt = Date.now();
  if (decision.accept) {
    closeAsDone(task, report.submittedAt);
    const onTime = isOnTime(report.submittedAt, state.deadline);
    task.later(() =>
      task.notify('accepted', report.receipt, { receipt: report.receipt, comment: decision.comment, onTime }),
    );
    task.tellSender('06');
  } else {
    // A return never shortens the deadline: the revision is due by the later of the two.
    state.phase = 'returned';
    state.revisionDue = revisionDue(localDateOf(Date.now()), state.deadline, input.policy, task.calendar);
    state.deadlineSince = Date.now();
    state.cursor = Date.now();
    state.escalationLevel = 0;
    const due = state.revisionDue;
    task.later(() =>
      task.notify('returned', report.receipt, { comment: decision.comment, receipt: report.receipt, revisionDue: due }),
    );
  }
  task.touch();
  return { state: state.phase, deadline: state.deadline, revisionDue: state.revisionDue };
}

function closeAsDone(task: TaskRun, at: number): void {
  task.state.phase = 'done';
  task.state.doneAt = at;
  task.state.escalationLevel = 0;
}
