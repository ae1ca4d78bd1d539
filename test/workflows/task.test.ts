// The task workflow on the time-skipping server: which reminders and escalations go out, when,
// and what the department's and the office's actions do to them.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { temporal } from '@temporalio/proto';
import { WorkflowUpdateFailedError, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { vietnamCalendar, localDateOf, atLocalTime } from '../../domain/calendar';
import { chaseSchedule } from '../../domain/chase';
import { DEFAULT_CHASE_POLICY } from '../../domain/schemas';
import {
  acknowledgeUpdate,
  decideExtensionUpdate,
  requestExtensionUpdate,
  reviewReportUpdate,
  submitReportUpdate,
  taskStateQuery,
} from '../../workflows/messages';
import {
  createTestWorker,
  maybeRecordHistory,
  recordingActivities,
  serverPerTest,
  sleepUntil as sleepUntilOn,
  startWorkflow,
  type StartWith,
} from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import type { TaskProgress } from '../../workflows/types';
import { leadSpec, refusedWith, report, taskInput } from './fixtures';

const cal = vietnamCalendar();
const HOUR = 3_600_000;
let env: TestWorkflowEnvironment;

serverPerTest((e) => (env = e));

/** A task due `workingDays` after today, started on its own worker. */
async function startTask(workingDays: number, spec = leadSpec()) {
  const rec = recordingActivities(env);
  const taskQueue = `q-${randomUUID()}`;
  const worker = await createTestWorker(env, rec.activities, taskQueue);
  const now = await env.currentTimeMs();
  const deadline = cal.workingDaysAfter(localDateOf(now), workingDays);
  const workflowId = `task:test-${randomUUID()}`;
  /** Runs `fn` with the task started (with `startWith`, an update in its first activation). */
  const run = <T>(
    fn: (h: WorkflowHandleWithFirstExecutionRunId, firstUpdate?: PromiseSettledResult<unknown>) => Promise<T>,
    startWith?: StartWith,
  ) =>
    worker.runUntil(async () => {
      const { handle, firstUpdate } = await startWorkflow(
        env.client,
        'taskWorkflow',
        { workflowId, taskQueue, args: [taskInput(deadline, spec)] },
        startWith,
      );
      try {
        return await fn(handle, firstUpdate);
      } finally {
        // A task left running would hold the shared test server's clock for the next test.
        await handle.terminate('test over').catch(() => undefined);
      }
    });
  const chases = () => rec.notified.filter((n) => n.kind === 'reminder' || n.kind === 'escalation');
  return { rec, deadline, now, run, chases, workflowId };
}

/** Moves the server's clock to an instant (no-op when it is already past). */
const sleepUntil = (at: number) => sleepUntilOn(env, at);

test('sends T-3, T-1 and T reminders, then L1, L2, L3 and weekly chases at the right instants when the unit stays silent', async () => {
  const t = await startTask(8);
  const expected = chaseSchedule(
    { policy: DEFAULT_CHASE_POLICY, deadline: t.deadline, calendar: cal },
    { from: t.now, until: t.now + 120 * 24 * HOUR },
  ).slice(0, 8);
  expect(
    expected.map((s) => (s.kind === 'reminder' ? `T-${s.daysBefore}` : `L${s.level}${s.weekly ? 'w' : ''}`)),
  ).toEqual(['T-3', 'T-1', 'T-0', 'L1', 'L2', 'L3', 'L3w', 'L3w']);
  await t.run(async (handle) => {
    await sleepUntil(expected.at(-1)!.at + HOUR);
    await eventually('eight chases', () => t.chases().length >= 8);
    await maybeRecordHistory(env, handle.workflowId, 'task-silent');
  });
  const chases = t.chases().slice(0, 8);
  expect(chases.map((c) => (c.kind === 'reminder' ? 'reminder' : `${c.kind}:${c.level}:${c.target}`))).toEqual([
    'reminder',
    'reminder',
    'reminder',
    'escalation:1:head',
    'escalation:2:supervisor',
    'escalation:3:steering',
    'escalation:3:steering',
    'escalation:3:steering',
  ]);
  chases.forEach((c, i) => {
    // Fired at the planned instant: on a working day, at the policy's hour, never at night.
    expect(Math.abs(c.at - expected[i].at)).toBeLessThan(5 * 60_000);
    expect(cal.isWorkingDay(localDateOf(c.at))).toBe(true);
  });
  expect(new Set(chases.map((c) => c.key)).size).toBe(8);
  expect(t.rec.notified.filter((n) => n.kind === 'assignment')).toHaveLength(1);
}, 120_000);

test('a report before T-3 sends nothing but the assignment and the receipt', async () => {
  const t = await startTask(10);
  const firstReminder = chaseSchedule(
    { policy: DEFAULT_CHASE_POLICY, deadline: t.deadline, calendar: cal },
    { from: t.now, until: t.now + 60 * 24 * HOUR },
  )[0];
  await t.run(async (handle) => {
    await sleepUntil(firstReminder.at - 2 * HOUR);
    const receipt = await handle.executeUpdate(submitReportUpdate, { args: [report('s-1')] });
    expect(receipt.onTime).toBe(true);
    await sleepUntil(firstReminder.at + 30 * 24 * HOUR);
    const state = await handle.query(taskStateQuery);
    expect(state.state.phase).toBe('submitted');
  });
  expect(t.chases()).toHaveLength(0);
  expect(t.rec.notified.map((n) => n.kind)).toEqual(['assignment', 'receipt']);
}, 120_000);

test('a report on the deadline day, before the T reminder, leaves only T-3 and T-1 sent', async () => {
  const t = await startTask(6);
  const steps = chaseSchedule(
    { policy: DEFAULT_CHASE_POLICY, deadline: t.deadline, calendar: cal },
    { from: t.now, until: t.now + 60 * 24 * HOUR },
  );
  const onDay = atLocalTime(t.deadline, 7);
  await t.run(async (handle) => {
    await sleepUntil(onDay);
    await eventually('T-3 and T-1', () => t.chases().length >= 2);
    await handle.executeUpdate(submitReportUpdate, { args: [report('s-on-t')] });
    await sleepUntil(steps[5].at + HOUR);
    await maybeRecordHistory(env, handle.workflowId, 'task-report-on-t');
  });
  expect(t.chases().map((c) => c.key.split(':').pop())).toEqual(['1', '2']);
}, 120_000);

test('an approved extension recomputes the schedule and a pending request pauses escalation, not reminders', async () => {
  const t = await startTask(5);
  const before = chaseSchedule(
    { policy: DEFAULT_CHASE_POLICY, deadline: t.deadline, calendar: cal },
    { from: t.now, until: t.now + 60 * 24 * HOUR },
  );
  const newDeadline = cal.workingDaysAfter(t.deadline, 10);
  await t.run(async (handle) => {
    await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ until: newDeadline, reason: 'Chờ số liệu của các huyện', by: 'Sở TT&TT' }],
    });
    // L1 would fire after the deadline; the pending request holds it back.
    await sleepUntil(before[3].at + HOUR);
    await eventually('three reminders', () => t.chases().length >= 3);
    expect(t.chases().filter((c) => c.kind === 'escalation')).toHaveLength(0);
    const decided = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ approve: true, by: 'Văn phòng UBND' }],
    });
    expect(decided.deadline).toBe(newDeadline);
    const after = chaseSchedule(
      { policy: DEFAULT_CHASE_POLICY, deadline: newDeadline, calendar: cal },
      { from: await env.currentTimeMs(), until: Date.now() + 10 ** 12 },
    );
    await sleepUntil(after[0].at + HOUR);
    await eventually('the first reminder for the new deadline', () =>
      t.chases().some((c) => c.task.deadline === newDeadline),
    );
    const view = await handle.query(taskStateQuery);
    expect(view.state.originalDeadline).toBe(t.deadline);
    expect(view.state.deadline).toBe(newDeadline);
    expect(view.state.extensions).toEqual([expect.objectContaining({ decided: 'approved', deadline: newDeadline })]);
  });
  expect(t.rec.notified.filter((n) => n.kind === 'extension_decision')).toHaveLength(1);
}, 120_000);

test('a rejected extension keeps the deadline and the ladder', async () => {
  const t = await startTask(5);
  const steps = chaseSchedule(
    { policy: DEFAULT_CHASE_POLICY, deadline: t.deadline, calendar: cal },
    { from: t.now, until: t.now + 60 * 24 * HOUR },
  );
  await t.run(async (handle) => {
    await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ until: cal.workingDaysAfter(t.deadline, 5), reason: 'Thiếu nhân lực', by: 'Sở TT&TT' }],
    });
    await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ approve: false, comment: 'Đề nghị hoàn thành đúng hạn', by: 'Văn phòng UBND' }],
    });
    await sleepUntil(steps[3].at + HOUR);
    await eventually('L1', () => t.chases().some((c) => c.kind === 'escalation'));
    expect((await handle.query(taskStateQuery)).state.deadline).toBe(t.deadline);
  });
  expect(t.rec.notified.find((n) => n.kind === 'extension_decision')).toMatchObject({ approved: false });
}, 120_000);

test('a returned report reopens the task with a short deadline, and an accepted one closes it on time', async () => {
  const t = await startTask(5);
  await t.run(async (handle) => {
    const first = await handle.executeUpdate(submitReportUpdate, { args: [report('s-a')] });
    const returned = await handle.executeUpdate(reviewReportUpdate, {
      args: [{ accept: false, receipt: first.receipt, comment: 'Bổ sung số liệu tin, bài', by: 'Văn phòng' }],
    });
    expect(returned.state).toBe('returned');
    expect(returned.deadline).toBe(
      cal.workingDaysAfter(localDateOf(await env.currentTimeMs()), DEFAULT_CHASE_POLICY.revisionWorkingDays),
    );
    const second = await handle.executeUpdate(submitReportUpdate, { args: [report('s-b', 15)] });
    expect(second.receipt).not.toBe(first.receipt);
    await handle.executeUpdate(reviewReportUpdate, {
      args: [{ accept: true, receipt: second.receipt, by: 'Văn phòng' }],
    });
    const result = await handle.result();
    expect(result).toMatchObject({
      outcome: 'done',
      onTime: true,
      receipt: second.receipt,
      indicators: { articles: 15 },
    });
    await maybeRecordHistory(env, handle.workflowId, 'task-returned-accepted');
  });
  expect(t.rec.notified.map((n) => n.kind)).toEqual(['assignment', 'receipt', 'returned', 'receipt']);
}, 120_000);

test('twenty concurrent submissions to one task give exactly one accepted report', async () => {
  const t = await startTask(5);
  await t.run(async (handle) => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => handle.executeUpdate(submitReportUpdate, { args: [report(`s-${i}`)] })),
    );
    const accepted = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toBeInstanceOf(WorkflowUpdateFailedError);
    // The same submission again (a refresh) answers with the same receipt instead of a second report.
    const winner = (accepted[0] as PromiseFulfilledResult<{ receipt: string }>).value;
    const winnerId = `s-${outcomes.indexOf(accepted[0])}`;
    const again = await handle.executeUpdate(submitReportUpdate, { args: [report(winnerId)] });
    expect(again.receipt).toBe(winner.receipt);
    expect((await handle.query(taskStateQuery)).state.reports).toHaveLength(1);
  });
  expect(t.rec.notified.filter((n) => n.kind === 'receipt')).toHaveLength(1);
}, 120_000);

test('bad input is refused by the validator with the field named, and nothing enters the task', async () => {
  const t = await startTask(5);
  await t.run(async (handle) => {
    await expect(
      handle.executeUpdate(submitReportUpdate, { args: [{ ...report('s-x'), indicators: { articles: -1 } }] }),
    ).rejects.toMatchObject(refusedWith(/indicators\.articles/));
    await expect(
      handle.executeUpdate(submitReportUpdate, { args: [{ ...report('s-y'), indicators: { leaflets: 3 } }] }),
    ).rejects.toMatchObject(refusedWith(/indicators\.leaflets: not an indicator/));
    await expect(
      handle.executeUpdate(requestExtensionUpdate, { args: [{ until: 'tomorrow', reason: 'x', by: 'a' }] }),
    ).rejects.toMatchObject(refusedWith(/until/));
    await expect(
      handle.executeUpdate(decideExtensionUpdate, { args: [{ approve: true, by: 'a' }] }),
    ).rejects.toMatchObject(refusedWith(/no extension request/));
    const view = await handle.query(taskStateQuery);
    expect(view.state.reports).toHaveLength(0);
    expect(view.state.extension).toBeUndefined();
  });
}, 60_000);

test('an acknowledgement-only task completes on acknowledgement', async () => {
  const t = await startTask(5, leadSpec('NB-CATINH', { completion: 'acknowledgement', indicators: [] }));
  await t.run(async (handle) => {
    await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'Công an tỉnh' }] });
    expect(await handle.result()).toMatchObject({ outcome: 'done', onTime: true });
  });
  expect(t.chases()).toHaveLength(0);
}, 60_000);

test('cancelling a task stops every chase and tells the unit once', async () => {
  const t = await startTask(3);
  const steps = chaseSchedule(
    { policy: DEFAULT_CHASE_POLICY, deadline: t.deadline, calendar: cal },
    { from: t.now, until: t.now + 60 * 24 * HOUR },
  );
  await t.run(async (handle) => {
    await sleepUntil(steps[0].at + HOUR);
    await eventually('T-3', () => t.chases().length >= 1);
    await handle.cancel();
    expect(await handle.result()).toMatchObject({ outcome: 'cancelled' });
    await env.sleep(30 * 24 * HOUR);
  });
  expect(t.chases()).toHaveLength(1);
  expect(t.rec.notified.filter((n) => n.kind === 'cancellation')).toHaveLength(1);
  expect([...t.rec.tasks.values()][0].state.phase).toBe('cancelled');
}, 60_000);

test('a unit silent for three and a half years is chased every week on time, across runs that each stay under 2,000 events', async () => {
  const t = await startTask(8);
  let expected: ReturnType<typeof chaseSchedule> = [];
  const runs: { events: number; last: string }[] = [];
  await t.run(async (handle) => {
    await sleepUntil(t.now + Math.round(3.5 * 365 * 24 * HOUR));
    // A skip cut off and retried can carry the clock a little further; the schedule runs to where it stopped.
    expected = chaseSchedule(
      { policy: DEFAULT_CHASE_POLICY, deadline: t.deadline, calendar: cal },
      { from: t.now, until: await env.currentTimeMs() },
    );
    await eventually('every chase of the years', () => t.chases().length >= expected.length, 60_000);
    // Each run's history, first to last, following continue-as-new.
    for (let runId: string | undefined = handle.firstExecutionRunId; runId;) {
      const history: temporal.api.history.v1.IHistory = await env.client.workflow
        .getHandle(handle.workflowId, runId)
        .fetchHistory();
      const events = history.events ?? [];
      const next: string | undefined =
        events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
      runs.push({ events: events.length, last: next ? 'continued' : 'running' });
      runId = next;
    }
  });
  process.stdout.write(
    `silent task over 3.5 years: ${expected.length} chases, runs of ${runs.map((r) => r.events).join(', ')} events\n`,
  );
  expect(expected.at(-1)!.at).toBeGreaterThan(t.now + 3.4 * 365 * 24 * HOUR);
  expect(runs.length).toBeGreaterThanOrEqual(2);
  expect(runs.map((r) => r.last)).toEqual([...runs.slice(1).map(() => 'continued'), 'running']);
  for (const r of runs) expect(r.events).toBeLessThan(2_000);
  const chases = t.chases();
  expect(chases).toHaveLength(expected.length);
  chases.forEach((c, i) => expect(Math.abs(c.at - expected[i].at)).toBeLessThan(5 * 60_000));
}, 300_000);

test('a report that comes with the task’s first activation still reaches the directive', async () => {
  // A worker killed after writing the task's row but before finishing its first workflow task:
  // the department saw its link and reported, so the retried first task carries the report too.
  const t = await startTask(5);
  const rec = t.rec;
  const progress = await t.run(
    async (handle, firstUpdate) => {
      if (firstUpdate?.status !== 'fulfilled') throw firstUpdate?.reason;
      const receipt = firstUpdate.value as { receipt: string };
      // The task tells its directive (absent here: the signal fails) of the report, and mails the unit.
      const told = await eventually('the task telling its directive and mailing the unit', async () => {
        const events = (await handle.fetchHistory()).events ?? [];
        const told = events
          .filter((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes)
          .map((e) =>
            defaultPayloadConverter.fromPayload<TaskProgress>(
              e.signalExternalWorkflowExecutionInitiatedEventAttributes!.input!.payloads![0],
            ),
          );
        return told.length > 0 && rec.notified.length >= 2 ? { receipt, told } : undefined;
      });
      await maybeRecordHistory(env, handle.workflowId, 'task-report-with-start');
      return told;
    },
    { update: submitReportUpdate, args: [report('first')] },
  );
  expect(progress.told).toEqual([expect.objectContaining({ workflowId: t.workflowId, phase: 'submitted' })]);
  expect(rec.notified.map((n) => n.kind)).toEqual(['assignment', 'receipt']);
  expect(rec.notified[1]).toMatchObject({ receipt: progress.receipt.receipt });
}, 60_000);
