// A district passes its task on to its own communes: the sub-directive it starts, how the
// district's task closes by the policy, what is refused, and cancellation down the tree.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type WorkflowUpdateFailedError } from '@temporalio/client';
import { localDateOf, vietnamCalendar } from '../../domain/calendar';
import {
  cancelDirectiveUpdate,
  cascadeUpdate,
  directiveKey,
  directiveStatusQuery,
  directiveWorkflowId,
  reviewReportUpdate,
  submitReportUpdate,
  taskStateQuery,
  taskWorkflowId,
} from '../../workflows/messages';
import { maybeRecordHistory, serverPerTest } from '../helpers/temporal';
import { eventually } from '../helpers/wait';
import { uniqueNumber, withDirective } from './directive-harness';
import { directiveOf, leadSpec, report } from './fixtures';

const cal = vietnamCalendar();
let env: TestWorkflowEnvironment;
serverPerTest((e) => (env = e));

const DISTRICT = 'NB-UBND-HOALU';
const COMMUNES = ['HL-XA-NINHHAI', 'HL-XA-TRUONGYEN'];

const districtDirective = (extra: Record<string, unknown> = {}) =>
  directiveOf([{ unit: 'NB-STTTT' }, { unit: DISTRICT, cascade: true, deadline: { workingDays: 15 } }], {
    number: uniqueNumber(),
    ...extra,
  });

const cascadeRequest = (number: string, extra: Record<string, unknown> = {}) => ({
  number,
  title: 'Kế hoạch triển khai tuyên truyền trên địa bàn huyện',
  issuer: 'UBND huyện Hoa Lư',
  tasks: COMMUNES.map((unit) => leadSpec(unit, { deadline: { workingDays: 5 } })),
  by: 'Văn phòng UBND huyện Hoa Lư',
  ...extra,
});

/** A district's sub-directive is keyed under the district's task, whatever number the district gives it. */
const subKeyOf = (directive: { number: string }, subNumber: string) =>
  directiveKey(subNumber, taskWorkflowId(directive.number, DISTRICT));

/** Each commune reports and the district's office accepts it. */
async function communesReport(subKey: string, articles: number[]) {
  for (const [i, unit] of COMMUNES.entries()) {
    const task = env.client.workflow.getHandle(taskWorkflowId(subKey, unit));
    await eventually(`${unit} started`, async () => (await task.describe().catch(() => undefined)) !== undefined);
    const { receipt } = await task.executeUpdate(submitReportUpdate, { args: [report(`${unit}-1`, articles[i])] });
    await task.executeUpdate(reviewReportUpdate, {
      args: [{ accept: true, receipt, by: 'Văn phòng UBND huyện Hoa Lư' }],
    });
  }
}

test('a district passes its task to two communes; when both are done its own task closes, counting what they reported', async () => {
  const directive = districtDirective();
  const subNumber = `1${directive.number.slice(1, 4)}/KH-UBND`;
  await withDirective(env, directive, async ({ handle, rec }) => {
    const district = env.client.workflow.getHandle(taskWorkflowId(directive.number, DISTRICT));
    await eventually('the district is assigned', () =>
      rec.notified.some((n) => n.kind === 'assignment' && n.unit === DISTRICT),
    );
    const answer = await district.executeUpdate(cascadeUpdate, { args: [cascadeRequest(subNumber)] });
    const subKey = subKeyOf(directive, subNumber);
    expect(answer).toEqual({ workflowId: directiveWorkflowId(subKey), number: subNumber });

    // Each commune is assigned once, in the sub-directive, due five working days from today.
    await eventually('both communes assigned', () =>
      COMMUNES.every((u) => rec.notified.some((n) => n.kind === 'assignment' && n.unit === u)),
    );
    const communeMail = rec.notified.filter((n) => n.kind === 'assignment' && COMMUNES.includes(n.unit));
    expect(communeMail.map((n) => n.directive.number)).toEqual([subNumber, subNumber]);
    expect(communeMail[0].task.deadline).toBe(cal.workingDaysAfter(localDateOf(await env.currentTimeMs()), 5));
    // The read model learns the sub-directive's place in the tree.
    expect(rec.directives.get(directiveWorkflowId(subKey))).toMatchObject({
      parentTaskWorkflowId: district.workflowId,
      directive: { legalBases: [directive.number] },
    });
    const cascading = await district.query(taskStateQuery);
    expect(cascading.state.cascade).toMatchObject({ number: subNumber, phase: 'running', units: COMMUNES });

    await communesReport(subKey, [7, 5]);
    await eventually(
      'the district task closes with its sub-directive',
      async () => (await district.query(taskStateQuery)).state.phase === 'done',
    );
    const closed = await district.query(taskStateQuery);
    expect(closed.state.cascade).toMatchObject({ phase: 'done', indicators: { articles: 12 } });
    expect(closed.state.reports).toEqual([]);
    expect(rec.consolidated).toContain(subKey);

    // The province's directive closes once its own department reports too, and sums the tree.
    const dept = env.client.workflow.getHandle(taskWorkflowId(directive.number, 'NB-STTTT'));
    const { receipt } = await dept.executeUpdate(submitReportUpdate, { args: [report('dept-1', 30)] });
    await dept.executeUpdate(reviewReportUpdate, { args: [{ accept: true, receipt, by: 'Văn phòng UBND tỉnh' }] });
    const result = await handle.result();
    expect(result).toMatchObject({ phase: 'done', tasks: 2, onTime: 2, indicators: { articles: 42 } });
    await maybeRecordHistory(env, district.workflowId, 'task-cascaded');
    await maybeRecordHistory(env, directiveWorkflowId(subKey), 'directive-sub-closed');
  });
});

test('with the policy saying "report", a closed sub-directive leaves the district task waiting for its own report', async () => {
  const directive = districtDirective({ policy: { cascadeCompletion: 'report' } });
  const subNumber = `2${directive.number.slice(1, 4)}/KH-UBND`;
  await withDirective(env, directive, async ({ rec }) => {
    const district = env.client.workflow.getHandle(taskWorkflowId(directive.number, DISTRICT));
    await eventually('the district is assigned', () =>
      rec.notified.some((n) => n.kind === 'assignment' && n.unit === DISTRICT),
    );
    await district.executeUpdate(cascadeUpdate, { args: [cascadeRequest(subNumber)] });
    await communesReport(subKeyOf(directive, subNumber), [1, 2]);
    await eventually(
      'the sub-directive is closed',
      async () => (await district.query(taskStateQuery)).state.cascade?.phase === 'done',
    );
    expect((await district.query(taskStateQuery)).state.phase).toBe('open');
    const { receipt } = await district.executeUpdate(submitReportUpdate, { args: [report('district-1', 3)] });
    await district.executeUpdate(reviewReportUpdate, { args: [{ accept: true, receipt, by: 'Văn phòng UBND tỉnh' }] });
    await eventually(
      'the district task is done',
      async () => (await district.query(taskStateQuery)).state.phase === 'done',
    );
  });
});

test('a cascade is refused with the field named: an unmarked task, a commune due after the district, the district itself; asked twice it starts once', async () => {
  const directive = districtDirective();
  const subNumber = `3${directive.number.slice(1, 4)}/KH-UBND`;
  await withDirective(env, directive, async ({ rec }) => {
    await eventually('both assigned', () => rec.notified.filter((n) => n.kind === 'assignment').length === 2);
    const dept = env.client.workflow.getHandle(taskWorkflowId(directive.number, 'NB-STTTT'));
    const district = env.client.workflow.getHandle(taskWorkflowId(directive.number, DISTRICT));
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: WorkflowUpdateFailedError) => (e.cause as Error).message,
      );
    expect(await refusal(dept.executeUpdate(cascadeUpdate, { args: [cascadeRequest(subNumber)] }))).toBe(
      'cascade: this task is not marked for passing on to sub-units',
    );
    const own = (await district.query(taskStateQuery)).state.deadline;
    const late = cal.workingDaysAfter(own, 1);
    expect(
      await refusal(
        district.executeUpdate(cascadeUpdate, {
          args: [cascadeRequest(subNumber, { tasks: [leadSpec(COMMUNES[0], { deadline: { date: late } })] })],
        }),
      ),
    ).toBe(`tasks.0.deadline: ${late} is after this task's own deadline ${own}`);
    expect(
      await refusal(
        district.executeUpdate(cascadeUpdate, { args: [cascadeRequest(subNumber, { tasks: [leadSpec(DISTRICT)] })] }),
      ),
    ).toBe(`tasks.0.unit: ${DISTRICT} is the unit passing the task on`);
    expect(await refusal(district.executeUpdate(cascadeUpdate, { args: [cascadeRequest('khong-so')] }))).toMatch(
      /^number: expected number\/symbol/,
    );

    const [a, b] = await Promise.all(
      [1, 2].map(() => district.executeUpdate(cascadeUpdate, { args: [cascadeRequest(subNumber)] })),
    );
    expect(a).toEqual(b);
    expect(await refusal(district.executeUpdate(cascadeUpdate, { args: [cascadeRequest(`9${subNumber}`)] }))).toBe(
      `number: the task was already passed on as ${subNumber}`,
    );
    await eventually(
      'communes assigned',
      () => rec.notified.filter((n) => n.kind === 'assignment' && COMMUNES.includes(n.unit)).length === 2,
    );
    const sub = await env.client.workflow
      .getHandle(directiveWorkflowId(subKeyOf(directive, subNumber)))
      .query(directiveStatusQuery);
    expect(sub.total).toBe(2);
  });
});

test("cancelling the province's directive cancels the district's sub-directive and tells each commune once", async () => {
  const directive = districtDirective();
  const subNumber = `4${directive.number.slice(1, 4)}/KH-UBND`;
  await withDirective(env, directive, async ({ handle, rec }) => {
    const district = env.client.workflow.getHandle(taskWorkflowId(directive.number, DISTRICT));
    await eventually('the district is assigned', () =>
      rec.notified.some((n) => n.kind === 'assignment' && n.unit === DISTRICT),
    );
    await district.executeUpdate(cascadeUpdate, { args: [cascadeRequest(subNumber)] });
    await eventually(
      'communes assigned',
      () => rec.notified.filter((n) => n.kind === 'assignment' && COMMUNES.includes(n.unit)).length === 2,
    );
    await handle.executeUpdate(cancelDirectiveUpdate, {
      args: [{ by: 'Văn phòng UBND tỉnh', reason: 'Thay bằng kế hoạch mới' }],
    });
    const sub = env.client.workflow.getHandle(directiveWorkflowId(subKeyOf(directive, subNumber)));
    expect(await sub.result()).toMatchObject({ phase: 'cancelled', tasks: 2, cancelled: 2 });
    expect(await handle.result()).toMatchObject({ phase: 'cancelled', cancelled: 2 });
    const cancellations = rec.notified
      .filter((n) => n.kind === 'cancellation')
      .map((n) => n.unit)
      .sort();
    expect(cancellations).toEqual([...COMMUNES, DISTRICT, 'NB-STTTT'].sort());
  });
});
