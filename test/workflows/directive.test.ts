// The directive workflow on the time-skipping server: fan-out, amendment, cancellation, support
// deadlines and a deadline across Tết. Assertions are on the activities called and their instants.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { vietnamCalendar, localDateOf, atLocalTime } from '../../domain/calendar';
import { addDays, isWeekend } from '../../domain/local-date';
import {
  amendUpdate,
  cancelDirectiveUpdate,
  directiveStatusQuery,
  reviewReportUpdate,
  submitReportUpdate,
  taskStateQuery,
  taskWorkflowId,
} from '../../workflows/messages';
import { maybeRecordHistory, serverPerTest, sleepUntil } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { uniqueNumber, withDirective } from './directive-harness';
import { directiveOf, leadSpec, refusedWith, report } from './fixtures';

const cal = vietnamCalendar();
const HOUR = 3_600_000;
let env: TestWorkflowEnvironment;
serverPerTest((e) => (env = e));

const today = async () => localDateOf(await env.currentTimeMs());

test('starts one task per unit, each assigned once, with the deadline counted in working days from the launch', async () => {
  const directive = directiveOf(
    [
      { unit: 'NB-STTTT', deadline: { workingDays: 10 } },
      { unit: 'NB-SVHTT', deadline: { workingDays: 15 } },
      { unit: 'NB-BAONB', deadline: { workingDays: 5 } },
    ],
    { number: uniqueNumber() },
  );
  const launchDay = await today();
  await withDirective(env, directive, async ({ handle, rec }) => {
    await eventually('three assignments', () => rec.notified.filter((n) => n.kind === 'assignment').length === 3);
    const view = await handle.query(directiveStatusQuery);
    expect(view.total).toBe(3);
    const deadlines = Object.fromEntries(view.tasks.map((t) => [t.unit, t.deadline]));
    expect(deadlines).toEqual({
      'NB-STTTT': cal.workingDaysAfter(launchDay, 10),
      'NB-SVHTT': cal.workingDaysAfter(launchDay, 15),
      'NB-BAONB': cal.workingDaysAfter(launchDay, 5),
    });
    expect(rec.directives.get(handle.workflowId)?.phase).toBe('running');
  });
});

test('gives a support task a deadline two working days before its lead, and tells the lead when the support reports', async () => {
  const directive = directiveOf(
    [
      { unit: 'NB-STTTT', role: 'lead', deadline: { workingDays: 12 } },
      { unit: 'NB-CATINH', role: 'support', supports: 'NB-STTTT', deadline: { workingDays: 12 } },
    ],
    { number: uniqueNumber() },
  );
  await withDirective(env, directive, async ({ handle, rec }) => {
    await eventually('two assignments', () => rec.notified.filter((n) => n.kind === 'assignment').length === 2);
    const view = await handle.query(directiveStatusQuery);
    const lead = view.tasks.find((t) => t.unit === 'NB-STTTT')!;
    const support = view.tasks.find((t) => t.unit === 'NB-CATINH')!;
    expect(support.deadline).toBe(cal.workingDaysBefore(lead.deadline, 2));
    const supportHandle = env.client.workflow.getHandle(taskWorkflowId(directive.number, 'NB-CATINH'));
    const receipt = await supportHandle.executeUpdate('submitReport', {
      args: [
        {
          text: 'Đã phối hợp rà soát.',
          indicators: { articles: 3 },
          attachments: [],
          submittedBy: 'Công an tỉnh',
          submissionId: 'support-report-1',
        },
      ],
    });
    const leadHandle = env.client.workflow.getHandle(taskWorkflowId(directive.number, 'NB-STTTT'));
    await eventually(
      'the lead sees the support report',
      async () => (await leadHandle.query(taskStateQuery)).state.supportReports.length === 1,
    );
    const leadState = await leadHandle.query(taskStateQuery);
    expect(leadState.state.supportReports[0]).toMatchObject({
      unit: 'NB-CATINH',
      receipt: (receipt as { receipt: string }).receipt,
    });
  });
});

test('an amendment adds a unit, which is then assigned and reminded like the others', async () => {
  const directive = directiveOf([{ unit: 'NB-STTTT', deadline: { workingDays: 20 } }], { number: uniqueNumber() });
  await withDirective(env, directive, async ({ handle, rec }) => {
    await eventually('first assignment', () => rec.notified.some((n) => n.kind === 'assignment'));
    const answer = await handle.executeUpdate(amendUpdate, {
      args: [{ kind: 'add', by: 'Văn phòng UBND tỉnh', task: leadSpec('NB-SYTE', { deadline: { workingDays: 6 } }) }],
    });
    const expectedDeadline = cal.workingDaysAfter(await today(), 6);
    expect(answer).toEqual({ applied: 'add', unit: 'NB-SYTE', deadline: expectedDeadline });
    await eventually('the added unit is assigned', () =>
      rec.notified.some((n) => n.kind === 'assignment' && n.unit === 'NB-SYTE'),
    );
    // T-3 of the added unit: a reminder at the policy's hour on the right working day.
    const t3 = atLocalTime(cal.workingDaysBefore(expectedDeadline, 3), directive.policy.sendHour);
    await sleepUntil(env, t3 + HOUR);
    await eventually('the added unit is reminded', () =>
      rec.notified.some((n) => n.kind === 'reminder' && n.unit === 'NB-SYTE'),
    );
    const reminder = rec.notified.find((n) => n.kind === 'reminder' && n.unit === 'NB-SYTE')!;
    expect(Math.abs(reminder.at - t3)).toBeLessThan(5 * 60_000);
    expect(reminder.task.deadline).toBe(expectedDeadline);
    await expect(
      handle.executeUpdate(amendUpdate, { args: [{ kind: 'add', by: 'VP', task: leadSpec('NB-SYTE') }] }),
    ).rejects.toThrow(WorkflowUpdateFailedError);
    const view = await handle.query(directiveStatusQuery);
    expect(view.tasks.map((t) => t.unit).sort()).toEqual(['NB-STTTT', 'NB-SYTE']);
    await maybeRecordHistory(env, handle.workflowId, 'directive-amend-add');
  });
});

test("an amendment moves one unit's deadline and its reminders follow", async () => {
  const directive = directiveOf(
    [
      { unit: 'NB-STTTT', deadline: { workingDays: 8 } },
      { unit: 'NB-SVHTT', deadline: { workingDays: 8 } },
    ],
    { number: uniqueNumber() },
  );
  await withDirective(env, directive, async ({ handle, rec }) => {
    await eventually('two assignments', () => rec.notified.filter((n) => n.kind === 'assignment').length === 2);
    const original = (await handle.query(directiveStatusQuery)).tasks[0].deadline;
    const moved = cal.workingDaysAfter(original, 10);
    const answer = await handle.executeUpdate(amendUpdate, {
      args: [{ kind: 'move', by: 'VP', unit: 'NB-SVHTT', deadline: moved }],
    });
    expect(answer).toEqual({ applied: 'move', unit: 'NB-SVHTT', deadline: moved });
    await sleepUntil(env, atLocalTime(original, 12));
    await eventually('the unmoved unit got its T reminder', () =>
      rec.notified.some((n) => n.kind === 'reminder' && n.unit === 'NB-STTTT' && n.daysBefore === 0),
    );
    const svhtt = rec.notified.filter((n) => n.kind === 'reminder' && n.unit === 'NB-SVHTT');
    // Before the move (if T-3 of the original had passed) nothing; afterwards only reminders against the new date.
    expect(svhtt.every((n) => n.task.deadline === moved)).toBe(true);
    const state = await env.client.workflow
      .getHandle(taskWorkflowId(directive.number, 'NB-SVHTT'))
      .query(taskStateQuery);
    expect(state.state.deadline).toBe(moved);
    expect(state.state.originalDeadline).toBe(original);
    // A task already closed is not amended: the office is told so, by the unit's name.
    const sttt = env.client.workflow.getHandle(taskWorkflowId(directive.number, 'NB-STTTT'));
    const { receipt } = await sttt.executeUpdate(submitReportUpdate, { args: [report('late-but-done')] });
    await sttt.executeUpdate(reviewReportUpdate, { args: [{ accept: true, receipt, by: 'VP' }] });
    await eventually(
      'the directive counting it done',
      async () => (await handle.query(directiveStatusQuery)).byPhase.done === 1,
    );
    await expect(
      handle.executeUpdate(amendUpdate, { args: [{ kind: 'move', by: 'VP', unit: 'NB-STTTT', deadline: moved }] }),
    ).rejects.toMatchObject(refusedWith(/unit: NB-STTTT's task is already closed \(done\)/));
  });
});

test('cancelling the directive mid-way stops every chase and tells each unit once', async () => {
  const directive = directiveOf(
    [{ unit: 'NB-STTTT' }, { unit: 'NB-SVHTT' }, { unit: 'NB-BAONB' }].map((t) => ({
      ...t,
      deadline: { workingDays: 6 },
    })),
    { number: uniqueNumber() },
  );
  await withDirective(env, directive, async ({ handle, rec }) => {
    await eventually('three assignments', () => rec.notified.filter((n) => n.kind === 'assignment').length === 3);
    const deadline = (await handle.query(directiveStatusQuery)).tasks[0].deadline;
    await sleepUntil(env, atLocalTime(cal.workingDaysBefore(deadline, 3), 12));
    await eventually('T-3 reminders', () => rec.notified.filter((n) => n.kind === 'reminder').length === 3);
    const answer = await handle.executeUpdate(cancelDirectiveUpdate, {
      args: [{ by: 'Văn phòng UBND tỉnh', reason: 'Văn bản được thay thế' }],
    });
    expect(answer).toEqual({ cancelling: 3 });
    const result = await handle.result();
    expect(result).toMatchObject({ phase: 'cancelled', tasks: 3, cancelled: 3 });
    // Every task has closed, so no timer is left to send anything more, ever.
    const taskIds = directive.tasks.map((t) => taskWorkflowId(directive.number, t.unit));
    await eventually('every task closed', async () => {
      const states = await Promise.all(
        taskIds.map(async (id) => (await env.client.workflow.getHandle(id).describe()).status.name),
      );
      return states.every((s) => s === 'COMPLETED');
    });
    const cancelledAt = await env.currentTimeMs();
    expect(rec.notified.filter((n) => n.at > cancelledAt)).toEqual([]);
    expect(rec.notified.filter((n) => n.kind === 'reminder').map((n) => n.daysBefore)).toEqual([3, 3, 3]);
    const cancellations = rec.notified
      .filter((n) => n.kind === 'cancellation')
      .map((n) => n.unit)
      .sort();
    expect(cancellations).toEqual(['NB-BAONB', 'NB-STTTT', 'NB-SVHTT']);
    expect(rec.directives.get(handle.workflowId)?.phase).toBe('cancelled');
    await expect(
      handle.executeUpdate(cancelDirectiveUpdate, { args: [{ by: 'VP', reason: 'again' }] }),
    ).rejects.toThrow();
    await maybeRecordHistory(env, handle.workflowId, 'directive-cancel');
  });
});

test('a deadline counted across Tết moves by the holiday, and no reminder falls inside it', async () => {
  const launchDay = await today();
  // The coming Tết Nguyên đán break, read from the calendar, and the first working day after it.
  let first = launchDay;
  while (!/Nguyên đán/.test(cal.holidayName(first) ?? '')) first = addDays(first, 1);
  const holidays: string[] = [];
  for (let d = first; !cal.isWorkingDay(d); d = addDays(d, 1)) if (!isWeekend(d)) holidays.push(d);
  const deadline = cal.nextWorkingDay(first);
  let n = 1;
  while (cal.workingDaysAfter(launchDay, n) < deadline) n += 1;
  expect(cal.workingDaysAfter(launchDay, n)).toBe(deadline);
  // Counting weekdays alone would land inside or before the break.
  let naive = launchDay;
  for (let i = 0; i < n;) if (!isWeekend((naive = addDays(naive, 1)))) i += 1;
  expect(naive < deadline).toBe(true);
  expect(holidays.length).toBeGreaterThanOrEqual(3);

  const directive = directiveOf([{ unit: 'NB-STTTT', deadline: { workingDays: n } }], { number: uniqueNumber() });
  await withDirective(env, directive, async ({ handle, rec }) => {
    await eventually('assignment', () => rec.notified.some((m) => m.kind === 'assignment'));
    expect((await handle.query(directiveStatusQuery)).tasks[0].deadline).toBe(deadline);
    await sleepUntil(env, atLocalTime(deadline, 12));
    await eventually('T reminder', () => rec.notified.some((r) => r.kind === 'reminder' && r.daysBefore === 0));
    const reminders = rec.notified.filter((r) => r.kind === 'reminder');
    // T-1 goes out on the last working day before Tết; T on the first one after it.
    expect(reminders.map((r) => localDateOf(r.at))).toEqual([
      cal.workingDaysBefore(deadline, 3),
      cal.workingDaysBefore(deadline, 1),
      deadline,
    ]);
    expect(cal.workingDaysBefore(deadline, 1) < holidays[0]).toBe(true);
    for (const r of reminders) expect(holidays).not.toContain(localDateOf(r.at));
    await maybeRecordHistory(env, taskWorkflowId(directive.number, 'NB-STTTT'), 'task-across-tet');
  });
});

// Updates that come with the directive's first activation: the office cancels or amends as the
// launch goes out (or the worker that had the first workflow task died and the update waited).

test('a cancel that comes with the directive’s start closes it with no task started and nothing sent', async () => {
  const directive = directiveOf([{ unit: 'NB-STTTT' }, { unit: 'NB-SVHTT' }], { number: uniqueNumber() });
  const startWith = {
    update: cancelDirectiveUpdate,
    args: [{ by: 'Văn phòng UBND tỉnh', reason: 'Gửi nhầm văn bản' }],
  };
  await withDirective(
    env,
    directive,
    async ({ handle, rec, firstUpdate }) => {
      expect(firstUpdate).toEqual({ status: 'fulfilled', value: { cancelling: 0 } });
      await eventually(
        'the directive closed',
        async () => (await handle.describe()).status.name === 'COMPLETED',
        20_000,
      );
      expect(await handle.result()).toMatchObject({ phase: 'cancelled', tasks: 0 });
      expect(rec.notified).toEqual([]);
      expect(rec.directives.get(handle.workflowId)?.phase).toBe('cancelled');
      await maybeRecordHistory(env, handle.workflowId, 'directive-cancel-with-start');
    },
    { startWith },
  );
});

test('an amendment that comes with the directive’s start is checked against its plan, and a queued task is removed from the queue', async () => {
  const directive = directiveOf([{ unit: 'NB-STTTT' }, { unit: 'NB-SVHTT' }, { unit: 'NB-BAONB' }], {
    number: uniqueNumber(),
  });
  const duplicate = { update: amendUpdate, args: [{ kind: 'add', by: 'VP', task: leadSpec('NB-SVHTT') }] };
  await withDirective(
    env,
    directive,
    async ({ handle, rec, firstUpdate }) => {
      // Refused (the test server does not pass the validator's message through an update-with-start).
      expect(firstUpdate?.status).toBe('rejected');
      await eventually('three assignments', () => rec.notified.filter((n) => n.kind === 'assignment').length === 3);
      expect(await handle.query(directiveStatusQuery)).toMatchObject({ phase: 'running', total: 3 });
      expect((await handle.describe()).status.name).toBe('RUNNING');
    },
    { startWith: duplicate },
  );

  const other = directiveOf([{ unit: 'NB-STTTT' }, { unit: 'NB-SVHTT' }, { unit: 'NB-BAONB' }], {
    number: uniqueNumber(),
  });
  const remove = { update: amendUpdate, args: [{ kind: 'remove', by: 'VP', unit: 'NB-SVHTT' }] };
  await withDirective(
    env,
    other,
    async ({ handle, rec, firstUpdate }) => {
      expect(firstUpdate).toEqual({ status: 'fulfilled', value: { applied: 'remove', unit: 'NB-SVHTT' } });
      await eventually('two assignments', () => rec.notified.filter((n) => n.kind === 'assignment').length === 2);
      const view = await handle.query(directiveStatusQuery);
      expect(view.tasks.map((t) => t.unit).sort()).toEqual(['NB-BAONB', 'NB-STTTT']);
      expect(view.total).toBe(2);
      expect(rec.notified.map((n) => n.unit)).not.toContain('NB-SVHTT');
      await maybeRecordHistory(env, handle.workflowId, 'directive-remove-with-start');
    },
    { startWith: remove },
  );
}, 90_000);
