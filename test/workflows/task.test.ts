// The task workflow on the time-skipping server: which reminders and escalations go out, when,
// and what the department's and the office's actions do to them.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { vietnamCalendar, localDateOf, atLocalTime, yearOf, createVietnamCalendar } from '../../domain/calendar';
import { chaseSchedule } from '../../domain/chase';
import { DEFAULT_CHASE_POLICY, type ChasePolicy } from '../../domain/schemas';
import {
  acknowledgeUpdate,
  calendarChangedSignal,
  decideExtensionUpdate,
  requestExtensionUpdate,
  reviewReportUpdate,
  submitReportUpdate,
  taskStateQuery,
} from '../../workflows/messages';
import {
  createTestWorker,
  maybeRecordHistory,
  serverPerTest,
  sleepUntil as sleepUntilOn,
  startWorkflow,
  type StartWith,
} from '../helpers/temporal';
import { recordingActivities } from '../helpers/recording-activities';
import { eventually } from '../helpers/wait';
import { DIRECTIVE, leadSpec, refusedWith, report, SHIPPED_CALENDAR, taskInput } from './fixtures';

const cal = vietnamCalendar();
const HOUR = 3_600_000;
let env: TestWorkflowEnvironment;

serverPerTest((e) => (env = e));

/** A task due `workingDays` after today (before it, when negative), started on its own worker. */
async function startTask(
  workingDays: number,
  spec = leadSpec(),
  policy: ChasePolicy = DEFAULT_CHASE_POLICY,
  counted = false,
) {
  const rec = recordingActivities(env);
  const taskQueue = `q-${randomUUID()}`;
  const worker = await createTestWorker(env, rec.activities, taskQueue);
  const now = await env.currentTimeMs();
  const today = localDateOf(now);
  const deadline =
    workingDays >= 0 ? cal.workingDaysAfter(today, workingDays) : cal.workingDaysBefore(today, -workingDays);
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
        {
          workflowId,
          taskQueue,
          args: [
            {
              ...taskInput(deadline, spec, undefined, policy),
              // Counted in working days from today, or a date.
              rule: counted ? { workingDays, from: today } : { date: deadline },
            },
          ],
        },
        startWith,
      );
      try {
        return await fn(handle, firstUpdate);
      } finally {
        // A task left running would hold the test server's clock.
        await handle.terminate('test over').catch(() => undefined);
      }
    });
  const chases = () => rec.notified.filter((n) => n.kind === 'reminder' || n.kind === 'escalation');
  const kinds = () => rec.notified.map((n) => n.kind);
  return { rec, deadline, now, run, chases, kinds, workflowId };
}

/** Moves the server's clock to an instant (no-op when it is already past). */
const sleepUntil = (at: number) => sleepUntilOn(env, at);
const label = (s: { kind: string; daysBefore?: number; level?: number; weekly?: boolean }) =>
  s.kind === 'reminder' ? `T-${s.daysBefore}` : `L${s.level}${s.weekly ? 'w' : ''}`;

test('sends T-3, T-1 and T reminders, then L1, L2, L3 and weekly chases at the right instants when the unit stays silent', async () => {
  const t = await startTask(8);
  const expected = chaseSchedule(
    { policy: DEFAULT_CHASE_POLICY, deadline: t.deadline, calendar: cal },
    { from: t.now, until: t.now + 120 * 24 * HOUR },
  ).slice(0, 8);
  expect(expected.map(label)).toEqual(['T-3', 'T-1', 'T-0', 'L1', 'L2', 'L3', 'L3w', 'L3w']);
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

test('a task launched long after its deadline enters the ladder at L1 and climbs one rung at a time', async () => {
  const t = await startTask(-10);
  await t.run(async (handle) => {
    await sleepUntil(t.now + 30 * 24 * HOUR);
    await eventually('L1, L2 and L3', () => t.chases().length >= 3);
    await maybeRecordHistory(env, handle.workflowId, 'task-launched-late');
  });
  const [l1, l2, l3] = t.chases();
  expect([l1, l2, l3].map((c) => `${c.kind}:${c.level}:${c.target}`)).toEqual([
    'escalation:1:head',
    'escalation:2:supervisor',
    'escalation:3:steering',
  ]);
  // L1 at the first working morning after the launch, then the ladder's own gaps (2 and 4 working days).
  const today = localDateOf(t.now);
  const first = localDateOf(l1.at);
  expect(first).toBe(
    cal.isWorkingDay(today) && t.now < atLocalTime(today, DEFAULT_CHASE_POLICY.sendHour)
      ? today
      : cal.nextWorkingDay(today),
  );
  expect(localDateOf(l2.at)).toBe(cal.workingDaysAfter(first, 2));
  expect(localDateOf(l3.at)).toBe(cal.workingDaysAfter(first, 6));
}, 120_000);

test('a report is not done until the office accepts it: it waits for review, and is done on time by that report', async () => {
  const t = await startTask(10);
  const firstReminder = chaseSchedule(
    { policy: DEFAULT_CHASE_POLICY, deadline: t.deadline, calendar: cal },
    { from: t.now, until: t.now + 60 * 24 * HOUR },
  )[0];
  await t.run(async (handle) => {
    await sleepUntil(firstReminder.at - 2 * HOUR);
    const receipt = await handle.executeUpdate(submitReportUpdate, { args: [report('s-1')] });
    expect(receipt.onTime).toBe(true);
    // Weeks later, past the deadline, nobody has reviewed it: still waiting, not done, not overdue.
    await sleepUntil(firstReminder.at + 30 * 24 * HOUR);
    const waiting = await handle.query(taskStateQuery);
    expect(waiting.state.phase).toBe('submitted');
    expect(waiting.status).toBe('pending_review');
    expect(t.rec.tasks.get(t.workflowId)?.state.phase).toBe('submitted');
    await handle.executeUpdate(reviewReportUpdate, { args: [{ accept: true, receipt: receipt.receipt, by: 'VP' }] });
    expect(await handle.result()).toMatchObject({ outcome: 'done', onTime: true, receipt: receipt.receipt });
  });
  expect(t.chases()).toHaveLength(0);
  expect(t.kinds()).toEqual(['assignment', 'receipt', 'accepted']);
  expect(t.rec.notified.find((n) => n.kind === 'accepted')).toMatchObject({ onTime: true });
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
  expect(t.chases().map(label)).toEqual(['T-3', 'T-1']);
}, 120_000);

test('returning a report never shortens the deadline; lateness is judged by the report finally accepted', async () => {
  const t = await startTask(8);
  await t.run(async (handle) => {
    const first = await handle.executeUpdate(submitReportUpdate, { args: [report('s-a')] });
    const returned = await handle.executeUpdate(reviewReportUpdate, {
      args: [{ accept: false, receipt: first.receipt, comment: 'Bổ sung số liệu tin, bài', by: 'Văn phòng' }],
    });
    // Eight working days were left; the three-day revision window must not cut them short.
    expect(returned).toMatchObject({ state: 'returned', deadline: t.deadline, revisionDue: t.deadline });
    const notice = await eventually('the return notice', () => t.rec.notified.find((n) => n.kind === 'returned'));
    expect(notice).toMatchObject({ revisionDue: t.deadline });
    // The unit answers two working days after the deadline: the task is done, but late.
    await sleepUntil(atLocalTime(cal.workingDaysAfter(t.deadline, 2), 10));
    const second = await handle.executeUpdate(submitReportUpdate, { args: [report('s-b', 15)] });
    expect(second.receipt).not.toBe(first.receipt);
    await handle.executeUpdate(reviewReportUpdate, { args: [{ accept: true, receipt: second.receipt, by: 'VP' }] });
    expect(await handle.result()).toMatchObject({
      outcome: 'done',
      onTime: false,
      receipt: second.receipt,
      indicators: { articles: 15 },
    });
    await maybeRecordHistory(env, handle.workflowId, 'task-returned-accepted');
  });
  expect(t.kinds().filter((k) => k !== 'reminder' && k !== 'escalation')).toEqual([
    'assignment',
    'receipt',
    'returned',
    'receipt',
    'accepted',
  ]);
}, 120_000);

test('a report returned after the deadline is due back within the revision window', async () => {
  const t = await startTask(3);
  await t.run(async (handle) => {
    const first = await handle.executeUpdate(submitReportUpdate, { args: [report('s-a')] });
    await sleepUntil(atLocalTime(cal.workingDaysAfter(t.deadline, 1), 10));
    const returned = await handle.executeUpdate(reviewReportUpdate, {
      args: [{ accept: false, receipt: first.receipt, comment: 'Thiếu phụ lục', by: 'Văn phòng' }],
    });
    const today = localDateOf(await env.currentTimeMs());
    expect(returned).toMatchObject({
      deadline: t.deadline,
      revisionDue: cal.workingDaysAfter(today, DEFAULT_CHASE_POLICY.revisionWorkingDays),
    });
    expect((await handle.query(taskStateQuery)).status).toBe('returned');
  });
}, 120_000);

test('with reports that need no review, a report closes the task at once', async () => {
  const t = await startTask(5, leadSpec(), { ...DEFAULT_CHASE_POLICY, reviewReports: false });
  await t.run(async (handle) => {
    const receipt = await handle.executeUpdate(submitReportUpdate, { args: [report('s-1')] });
    expect(await handle.result()).toMatchObject({ outcome: 'done', onTime: true, receipt: receipt.receipt });
  });
  expect(t.kinds()).toEqual(['assignment', 'receipt']);
}, 60_000);

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
    expect(view.state.deadlineChanges).toEqual([
      expect.objectContaining({ from: t.deadline, to: newDeadline, why: 'extension' }),
    ]);
  });
  // The decision mail itself tells the new date; no second notice.
  expect(t.kinds().filter((k) => k === 'extension_decision' || k === 'deadline_moved')).toEqual(['extension_decision']);
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

test('twenty concurrent submissions to one task give exactly one report', async () => {
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

test('what the task cannot take now is refused with the field named, and nothing enters the task', async () => {
  const spec = leadSpec('NB-STTTT', {
    indicators: [
      { code: 'articles', name: 'Tin, bài đã đăng', unit: 'bài', type: 'count' },
      { code: 'coverage', name: 'Tỷ lệ hộ được tiếp cận', unit: '%', type: 'decimal' },
    ],
  });
  const t = await startTask(5, spec);
  await t.run(async (handle) => {
    await expect(
      handle.executeUpdate(submitReportUpdate, { args: [{ ...report('s-y'), indicators: { leaflets: 3 } }] }),
    ).rejects.toMatchObject(refusedWith(/indicators\.leaflets: not an indicator/));
    await expect(
      handle.executeUpdate(submitReportUpdate, { args: [{ ...report('s-z'), indicators: { articles: 12.5 } }] }),
    ).rejects.toMatchObject(refusedWith(/indicators\.articles: .* is a count/));
    await expect(
      handle.executeUpdate(requestExtensionUpdate, { args: [{ until: t.deadline, reason: 'xin thêm', by: 'a' }] }),
    ).rejects.toMatchObject(refusedWith(/until: must be after the deadline/));
    await expect(
      handle.executeUpdate(decideExtensionUpdate, { args: [{ approve: true, by: 'a' }] }),
    ).rejects.toMatchObject(refusedWith(/no extension request/));
    const view = await handle.query(taskStateQuery);
    expect(view.state.reports).toHaveLength(0);
    expect(view.state.extension).toBeUndefined();
    // A decimal indicator takes 87.5 (%).
    const ok = await handle.executeUpdate(submitReportUpdate, {
      args: [{ ...report('s-ok'), indicators: { articles: 12, coverage: 87.5 } }],
    });
    expect(ok.receipt).toMatch(/-01$/);
  });
}, 60_000);

test('an acknowledgement-only task is done when the unit acknowledges', async () => {
  const t = await startTask(5, leadSpec('NB-BAONB', { completion: 'acknowledgement', indicators: [] }));
  await t.run(async (handle) => {
    await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'Văn thư' }] });
    expect(await handle.result()).toMatchObject({ outcome: 'done', onTime: true });
  });
  expect(t.kinds()).toEqual(['assignment']);
}, 60_000);

test("a report that comes with the task's first activation still waits for review and is told once", async () => {
  const t = await startTask(5);
  await t.run(
    async (handle, first) => {
      expect(first).toMatchObject({ status: 'fulfilled' });
      await eventually('the receipt after the assignment', () => t.kinds().includes('receipt'));
      expect((await handle.query(taskStateQuery)).state.phase).toBe('submitted');
      await maybeRecordHistory(env, handle.workflowId, 'task-report-with-start');
    },
    { update: submitReportUpdate, args: [report('with-start')] },
  );
  // The assignment always goes first: a receipt never precedes it.
  expect(t.kinds()).toEqual(['assignment', 'receipt']);
}, 60_000);

test('a corrected calendar moves a deadline counted in working days, and the unit is told', async () => {
  const t = await startTask(10, leadSpec(), DEFAULT_CHASE_POLICY, true);
  const today = localDateOf(t.now);
  // The government announces a day off three working days from now.
  const dayOff = cal.workingDaysAfter(today, 3);
  const announced = [
    ...SHIPPED_CALENDAR,
    {
      year: yearOf(dayOff),
      occasions: ['national-day' as const],
      name: 'Ngày nghỉ bù',
      off: { from: dayOff, to: dayOff },
    },
  ];
  const expected = createVietnamCalendar(announced).workingDaysAfter(today, 10);
  expect(expected).not.toBe(t.deadline);
  await t.run(async (handle) => {
    await eventually('the assignment', () => t.kinds().includes('assignment'));
    await handle.signal(calendarChangedSignal, { calendar: announced, by: 'Văn phòng UBND tỉnh' });
    await eventually(
      'the deadline moved',
      async () => (await handle.query(taskStateQuery)).state.deadline === expected,
    );
    await eventually('the notice', () => t.kinds().includes('deadline_moved'));
  });
  expect(t.rec.notified.find((n) => n.kind === 'deadline_moved')).toMatchObject({
    previousDeadline: t.deadline,
    reason: 'calendar',
    task: expect.objectContaining({ deadline: expected }),
  });
}, 60_000);

/** The local activity a marker event records, read from its details. */
function markerActivity(e: {
  markerRecordedEventAttributes?: {
    details?: Record<string, { payloads?: { data?: Uint8Array | null }[] | null }> | null;
  } | null;
}): string | undefined {
  const data = e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
  return data ? JSON.parse(Buffer.from(data).toString()).activity_type : undefined;
}

test('a new task has its assignment out within five events of its history, in its first workflow task', async () => {
  const t = await startTask(5);
  await t.run(async (handle) => {
    await eventually('the assignment', () => t.kinds().includes('assignment'));
    const events = await eventually('the assignment recorded', async () => {
      const history = (await handle.fetchHistory()).events ?? [];
      const done = history.findIndex((e) => markerActivity(e) === 'notify');
      return done >= 0 ? history.slice(0, done + 1) : undefined;
    });
    process.stdout.write(`events until the assignment is out: ${events.length}\n`);
    // Started, one workflow task, the mail's marker: no activity task goes through the server.
    expect(events.length).toBeLessThanOrEqual(5);
    expect(events.filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
  });
}, 60_000);

test('a task of a directive that came over the document exchange tells the sender: received, in progress, completed', async () => {
  const rec = recordingActivities(env);
  const taskQueue = `q-${randomUUID()}`;
  const worker = await createTestWorker(env, rec.activities, taskQueue);
  const deadline = cal.workingDaysAfter(localDateOf(await env.currentTimeMs()), 5);
  const workflowId = `task:test-${randomUUID()}`;
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start('taskWorkflow', {
      workflowId,
      taskQueue,
      args: [taskInput(deadline, leadSpec(), { ...DIRECTIVE, edxml: true })],
    });
    await eventually('received (03)', () => rec.statusPackages.includes(`${workflowId}:03`));
    await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'Văn thư' }] });
    await eventually('in progress (05)', () => rec.statusPackages.includes(`${workflowId}:05`));
    const { receipt } = await handle.executeUpdate(submitReportUpdate, { args: [report('s-1')] });
    await handle.executeUpdate(reviewReportUpdate, { args: [{ accept: true, receipt, by: 'VP' }] });
    await handle.result();
  });
  expect(rec.statusPackages).toEqual([`${workflowId}:03`, `${workflowId}:05`, `${workflowId}:06`]);
}, 60_000);

test('a task of an ordinary directive sends no status package', async () => {
  const t = await startTask(5);
  await t.run(async (handle) => {
    await handle.executeUpdate(acknowledgeUpdate, { args: [{ by: 'Văn thư' }] });
    await eventually('the assignment', () => t.kinds().includes('assignment'));
  });
  expect(t.rec.statusPackages).toEqual([]);
}, 60_000);
