// The directive workflow on the time-skipping server: fan-out, amendment, cancellation, support
// deadlines and a deadline across Tết. Assertions are on the activities called, their instants,
// and the read model's rows (the directive itself keeps counts, not tasks).
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Activities } from '../../activities';
import { vietnamCalendar, localDateOf, atLocalTime } from '../../domain/calendar';
import { addDays, isWeekend } from '../../domain/local-date';
import {
  acknowledgeUpdate,
  amendUpdate,
  cancelDirectiveUpdate,
  directiveStatusQuery,
  reviewReportUpdate,
  submitReportUpdate,
  taskStateQuery,
  taskWorkflowId,
} from '../../workflows/messages';
import { maybeRecordHistory, serverPerTest, sleepUntil } from '../helpers/temporal';
import type { NotifyCall } from '../helpers/recording-activities';
import { eventually } from '../helpers/wait';
import { rowsOf, uniqueNumber, withDirective } from './directive-harness';
import { directiveOf, leadSpec, refusedWith, report } from './fixtures';

const cal = vietnamCalendar();
const HOUR = 3_600_000;
let env: TestWorkflowEnvironment;
serverPerTest((e) => (env = e));

const today = async () => localDateOf(await env.currentTimeMs());
const assignments = (rec: { notified: NotifyCall[] }) => rec.notified.filter((n) => n.kind === 'assignment');

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
    await eventually('three assignments', () => assignments(rec).length === 3);
    expect(await handle.query(directiveStatusQuery)).toMatchObject({ total: 3, started: 3, open: 3, queued: 0 });
    const rows = rowsOf(rec, directive.number);
    expect(Object.fromEntries(rows.map((r) => [r.spec.unit, r.state.deadline]))).toEqual({
      'NB-BAONB': cal.workingDaysAfter(launchDay, 5),
      'NB-STTTT': cal.workingDaysAfter(launchDay, 10),
      'NB-SVHTT': cal.workingDaysAfter(launchDay, 15),
    });
    // Once the assignment is out the row says so; before, it showed the task as being assigned.
    await eventually('every row assigned', () => rowsOf(rec, directive.number).every((r) => r.state.assignedAt));
  });
});

test('gives a support task a deadline two working days before its lead', async () => {
  const directive = directiveOf(
    [
      { unit: 'NB-STTTT', role: 'lead', deadline: { workingDays: 12 } },
      { unit: 'NB-CATINH', role: 'support', supports: 'NB-STTTT', deadline: { workingDays: 12 } },
    ],
    { number: uniqueNumber() },
  );
  await withDirective(env, directive, async ({ rec }) => {
    await eventually('two assignments', () => assignments(rec).length === 2);
    const [support, lead] = rowsOf(rec, directive.number);
    expect(support.spec.unit).toBe('NB-CATINH');
    expect(support.state.deadline).toBe(cal.workingDaysBefore(lead.state.deadline, 2));
    expect(assignments(rec).find((n) => n.unit === 'NB-CATINH')).toMatchObject({
      task: { role: 'support', supports: 'NB-STTTT', deadline: support.state.deadline },
    });
  });
});

test('an amendment adds a unit, which is then assigned and reminded like the others; twice is refused', async () => {
  const directive = directiveOf([{ unit: 'NB-STTTT', deadline: { workingDays: 20 } }], { number: uniqueNumber() });
  await withDirective(env, directive, async ({ handle, rec }) => {
    await eventually('first assignment', () => assignments(rec).length === 1);
    const answer = await handle.executeUpdate(amendUpdate, {
      args: [{ kind: 'add', by: 'Văn phòng UBND tỉnh', task: leadSpec('NB-SYTE', { deadline: { workingDays: 6 } }) }],
    });
    const expectedDeadline = cal.workingDaysAfter(await today(), 6);
    expect(answer).toEqual({ applied: 'add', unit: 'NB-SYTE', deadline: expectedDeadline });
    await eventually('the added unit is assigned', () => assignments(rec).some((n) => n.unit === 'NB-SYTE'));
    // T-3 of the added unit: a reminder at the policy's hour on the right working day.
    const t3 = atLocalTime(cal.workingDaysBefore(expectedDeadline, 3), directive.policy.sendHour);
    await sleepUntil(env, t3 + HOUR);
    const reminder = await eventually('the added unit is reminded', () =>
      rec.notified.find((n) => n.kind === 'reminder' && n.unit === 'NB-SYTE'),
    );
    expect(Math.abs(reminder.at - t3)).toBeLessThan(5 * 60_000);
    expect(reminder.task.deadline).toBe(expectedDeadline);
    await expect(
      handle.executeUpdate(amendUpdate, { args: [{ kind: 'add', by: 'VP', task: leadSpec('NB-SYTE') }] }),
    ).rejects.toMatchObject(refusedWith(/task\.unit: NB-SYTE already has a task/));
    await expect(
      handle.executeUpdate(amendUpdate, { args: [{ kind: 'add', by: 'VP', task: leadSpec('NB-STTTT') }] }),
    ).rejects.toMatchObject(refusedWith(/task\.unit: NB-STTTT already has a task/));
    expect(rowsOf(rec, directive.number).map((r) => r.spec.unit)).toEqual(['NB-STTTT', 'NB-SYTE']);
    expect((await handle.query(directiveStatusQuery)).started).toBe(2);
    await maybeRecordHistory(env, handle.workflowId, 'directive-amend-add');
  });
});

// A batch's tasks are started by one activity. Temporal may run it again after it started some
// (its worker died before answering): what it started still counts once, and the directive's
// open count stays exact. A task id taken before the batch (REJECT_DUPLICATE) is not counted.

/** A directive of three units asked only to acknowledge, under a number of its own. */
const threeAcknowledgements = () =>
  directiveOf(
    ['NB-STTTT', 'NB-SVHTT', 'NB-BAONB'].map((unit) => ({
      unit,
      completion: 'acknowledgement' as const,
      indicators: [],
    })),
    { number: uniqueNumber() },
  );

test('a batch tried again after starting its tasks counts each task once, and the directive closes when they close', async () => {
  const directive = threeAcknowledgements();
  const attempts: number[] = [];
  // The first attempt starts every task, then is lost as if its worker died before answering.
  const lostAfterStarting = (recorded: Activities): Activities => ({
    ...recorded,
    async startTasks(input) {
      const result = await recorded.startTasks(input);
      attempts.push(Context.current().info.attempt);
      if (Context.current().info.attempt === 1) throw new Error('the worker died before answering');
      return result;
    },
  });
  await withDirective(
    env,
    directive,
    async ({ handle, rec }) => {
      await eventually('three assignments', () => assignments(rec).length === 3);
      await eventually('the batch answered', async () => (await handle.query(directiveStatusQuery)).queued === 0);
      expect(attempts).toEqual([1, 2]);
      expect(await handle.query(directiveStatusQuery)).toMatchObject({ total: 3, started: 3, open: 3 });
      for (const t of directive.tasks)
        await env.client.workflow
          .getHandle(taskWorkflowId(directive.number, t.unit))
          .executeUpdate(acknowledgeUpdate, { args: [{ by: `Văn thư ${t.unit}` }] });
      expect(await handle.result()).toMatchObject({ phase: 'done', tasks: 3, onTime: 3, cancelled: 0 });
      expect(
        assignments(rec)
          .map((n) => n.unit)
          .sort(),
      ).toEqual(['NB-BAONB', 'NB-STTTT', 'NB-SVHTT']);
    },
    { activities: lostAfterStarting },
  );
});

test('a task id taken before the batch is neither started again nor counted, and the directive closes with the others', async () => {
  const directive = threeAcknowledgements();
  // An earlier task under the same id, long closed: REJECT_DUPLICATE refuses its id for ever.
  const taken = taskWorkflowId(directive.number, 'NB-SVHTT');
  const earlier = await env.client.workflow.start('taskWorkflow', { taskQueue: 'nobody-polls', workflowId: taken });
  await earlier.terminate('closed before the directive started');
  await withDirective(env, directive, async ({ handle, rec }) => {
    await eventually('two assignments', () => assignments(rec).length === 2);
    await eventually('the batch answered', async () => (await handle.query(directiveStatusQuery)).queued === 0);
    expect(await handle.query(directiveStatusQuery)).toMatchObject({ started: 2, open: 2 });
    expect((await env.client.workflow.getHandle(taken).describe()).status.name).toBe('TERMINATED');
    for (const unit of ['NB-STTTT', 'NB-BAONB'])
      await env.client.workflow
        .getHandle(taskWorkflowId(directive.number, unit))
        .executeUpdate(acknowledgeUpdate, { args: [{ by: `Văn thư ${unit}` }] });
    expect(await handle.result()).toMatchObject({ phase: 'done', tasks: 2, onTime: 2 });
    expect(assignments(rec).map((n) => n.unit)).not.toContain('NB-SVHTT');
  });
});

test('a moved deadline is told to the unit with the old date, the new date and the reason, later or earlier', async () => {
  const directive = directiveOf(
    [
      { unit: 'NB-STTTT', deadline: { workingDays: 8 } },
      { unit: 'NB-SVHTT', deadline: { workingDays: 8 } },
    ],
    { number: uniqueNumber() },
  );
  await withDirective(env, directive, async ({ handle, rec }) => {
    await eventually('two assignments', () => assignments(rec).length === 2);
    const original = rowsOf(rec, directive.number)[0].state.deadline;
    const later = cal.workingDaysAfter(original, 10);
    const move = (unit: string, deadline: string, reason: string) =>
      handle.executeUpdate(amendUpdate, { args: [{ kind: 'move', by: 'VP', unit, deadline, reason }] });
    expect(await move('NB-SVHTT', later, 'Chờ kết quả hội nghị sơ kết')).toEqual({
      applied: 'move',
      unit: 'NB-SVHTT',
      deadline: later,
    });
    const notice = await eventually('the unit told of the later date', () =>
      rec.notified.find((n) => n.kind === 'deadline_moved' && n.unit === 'NB-SVHTT'),
    );
    expect(notice).toMatchObject({
      previousDeadline: original,
      reason: 'Chờ kết quả hội nghị sơ kết',
      task: expect.objectContaining({ deadline: later }),
    });
    // Earlier again: told too. A date already past is refused.
    const earlier = cal.workingDaysAfter(await today(), 4);
    await move('NB-SVHTT', earlier, 'UBND tỉnh cần số liệu sớm hơn');
    await eventually(
      'the unit told of the earlier date',
      () => rec.notified.filter((n) => n.kind === 'deadline_moved' && n.unit === 'NB-SVHTT').length === 2,
    );
    await expect(move('NB-SVHTT', addDays(await today(), -1), 'nhầm')).rejects.toMatchObject(
      refusedWith(/deadline: .* is in the past/),
    );
    await sleepUntil(env, atLocalTime(original, 12));
    await eventually('the unmoved unit got its T reminder', () =>
      rec.notified.some((n) => n.kind === 'reminder' && n.unit === 'NB-STTTT' && n.daysBefore === 0),
    );
    const svhtt = env.client.workflow.getHandle(taskWorkflowId(directive.number, 'NB-SVHTT'));
    const state = (await svhtt.query(taskStateQuery)).state;
    expect(state).toMatchObject({ deadline: earlier, originalDeadline: original });
    expect(state.deadlineChanges.map((c) => [c.from, c.to, c.why])).toEqual([
      [original, later, 'moved'],
      [later, earlier, 'moved'],
    ]);
    // A task already closed is not amended: the office is told so, by the unit's name.
    const sttt = env.client.workflow.getHandle(taskWorkflowId(directive.number, 'NB-STTTT'));
    const { receipt } = await sttt.executeUpdate(submitReportUpdate, { args: [report('done')] });
    await sttt.executeUpdate(reviewReportUpdate, { args: [{ accept: true, receipt, by: 'VP' }] });
    await eventually(
      'the directive counting it done',
      async () => (await handle.query(directiveStatusQuery)).onTime === 1,
    );
    await eventually('the task closed', async () => (await sttt.describe()).status.name === 'COMPLETED');
    await expect(move('NB-STTTT', later, 'Gia hạn chung')).rejects.toMatchObject(
      refusedWith(/unit: NB-STTTT's task is already closed/),
    );
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
    await eventually('three assignments', () => assignments(rec).length === 3);
    const deadline = rowsOf(rec, directive.number)[0].state.deadline;
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
  await withDirective(env, directive, async ({ rec }) => {
    await eventually('assignment', () => assignments(rec).length === 1);
    expect(rowsOf(rec, directive.number)[0].state.deadline).toBe(deadline);
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
      expect(await handle.result()).toMatchObject({ phase: 'cancelled', tasks: 0 });
      expect(rec.notified).toEqual([]);
      expect(rec.directives.get(handle.workflowId)?.phase).toBe('cancelled');
      await maybeRecordHistory(env, handle.workflowId, 'directive-cancel-with-start');
    },
    { startWith },
  );
});

test('an amendment that comes with the directive’s start is checked against it, and a queued task is removed from the queue', async () => {
  const directive = directiveOf([{ unit: 'NB-STTTT' }, { unit: 'NB-SVHTT' }, { unit: 'NB-BAONB' }], {
    number: uniqueNumber(),
  });
  const duplicate = { update: amendUpdate, args: [{ kind: 'add', by: 'VP', task: leadSpec('NB-SVHTT') }] };
  await withDirective(
    env,
    directive,
    async ({ handle, rec, firstUpdate }) => {
      expect(firstUpdate?.status).toBe('rejected');
      await eventually('three assignments', () => assignments(rec).length === 3);
      expect(await handle.query(directiveStatusQuery)).toMatchObject({ phase: 'running', total: 3 });
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
      await eventually('two assignments', () => assignments(rec).length === 2);
      expect(rowsOf(rec, other.number).map((r) => r.spec.unit)).toEqual(['NB-BAONB', 'NB-STTTT']);
      expect((await handle.query(directiveStatusQuery)).started).toBe(2);
      expect(rec.notified.map((n) => n.unit)).not.toContain('NB-SVHTT');
      await maybeRecordHistory(env, handle.workflowId, 'directive-remove-with-start');
    },
    { startWith: remove },
  );
}, 90_000);

test('the directive refuses amendments once closed, naming why', async () => {
  const directive = directiveOf([{ unit: 'NB-STTTT', completion: 'acknowledgement', indicators: [] }], {
    number: uniqueNumber(),
  });
  await withDirective(env, directive, async ({ handle, rec }) => {
    await eventually('assignment', () => assignments(rec).length === 1);
    await env.client.workflow
      .getHandle(taskWorkflowId(directive.number, 'NB-STTTT'))
      .executeUpdate('acknowledge', { args: [{ by: 'Văn thư' }] });
    expect(await handle.result()).toMatchObject({ phase: 'done', tasks: 1, onTime: 1 });
    expect(rec.consolidated).toEqual([directive.number]);
    await expect(
      handle.executeUpdate(amendUpdate, { args: [{ kind: 'add', by: 'VP', task: leadSpec('NB-SYTE') }] }),
    ).rejects.toBeInstanceOf(Error);
  });
});
