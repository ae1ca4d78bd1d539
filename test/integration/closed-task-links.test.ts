// A closed task's links stay usable for a 30-day grace period counted from the close, to read the
// outcome: the links mailed before, the cancellation notice's own link, and any link issued for
// the task later (a digest, "lost your link?"). Real activities, a real PostgreSQL and SMTP sink.
import type { Pool } from 'pg';
import { createActivities, type ActivityDeps } from '../../activities';
import type { NotifyInput } from '../../activities/types';
import { CLOSED_TASK_GRACE_DAYS } from '../../db/links';
import type { TaskRecord } from '../../db/read-model';
import { inTransaction } from '../../db/transaction';
import { localDateOf, vietnamCalendar } from '../../domain/calendar';
import { initialTaskState } from '../../workflows/task-state';
import { DIRECTIVE, leadSpec, taskInput } from '../workflows/fixtures';
import { startNotifyDeps, type RealNotifyDeps } from '../helpers/notify-deps';
import { eventually } from '../helpers/wait';

const DAY = 86_400_000;
const UNIT = {
  code: 'NB-SNV',
  name: 'Sở Nội vụ',
  kind: 'department' as const,
  emails: ['vanthu@snv.example.vn'],
  supervisorEmails: [],
  steeringEmails: [],
};
let started: RealNotifyDeps;
let pool: Pool;
let deps: ActivityDeps;
let acts: ReturnType<typeof createActivities>;

beforeAll(async () => {
  started = await startNotifyDeps([UNIT]);
  pool = started.deps.pool;
  deps = {
    ...started.deps,
    documents: { get: async () => undefined } as unknown as ActivityDeps['documents'],
    edxml: {} as ActivityDeps['edxml'],
  };
  acts = createActivities(deps);
}, 60_000);
afterAll(async () => {
  await started?.stop();
});

function taskOf(id: string): { record: TaskRecord; notice: (kind: NotifyInput['kind']) => NotifyInput } {
  const deadline = vietnamCalendar().workingDaysAfter(localDateOf(Date.now()), 10);
  const input = taskInput(deadline, leadSpec(UNIT.code, { title: `Nhiệm vụ ${id}` }));
  const workflowId = `task:${DIRECTIVE.number}:${UNIT.code}:${id}`;
  const record = {
    workflowId,
    directive: DIRECTIVE,
    spec: input.spec,
    cycle: '',
    state: initialTaskState(input, Date.now()),
  };
  return {
    record,
    notice: (kind) => ({
      key: `${workflowId}:${kind}:1`,
      kind,
      taskWorkflowId: workflowId,
      directive: DIRECTIVE,
      unit: UNIT.code,
      task: { title: input.spec.title, deadline, role: 'lead' },
    }),
  };
}

const closed = (r: TaskRecord, phase: 'done' | 'cancelled', version = 2): TaskRecord => ({
  ...r,
  state: { ...r.state, phase, version, ...(phase === 'done' ? { doneAt: Date.now() } : {}) },
});

/** How many days from now each of the task's links lives, longest first. */
async function linkDays(workflowId: string): Promise<number[]> {
  const { rows } = await pool.query(
    `SELECT extract(epoch FROM expires_at - now()) / 86400 AS days FROM links WHERE task_workflow_id = $1 ORDER BY expires_at DESC`,
    [workflowId],
  );
  return rows.map((r) => Math.round(Number(r.days) * 10) / 10);
}

test("a cancelled task: the links mailed before and the cancellation notice's own link all end 30 days after the close", async () => {
  const t = taskOf('huy');
  await acts.recordTask(t.record);
  await acts.notify(t.notice('assignment'));
  expect(await linkDays(t.record.workflowId)).toEqual([400]);
  // The workflow records the cancelled task, then tells the unit: that mail carries a fresh link.
  await acts.recordTask(closed(t.record, 'cancelled'));
  await acts.notify(t.notice('cancellation'));
  const days = await linkDays(t.record.workflowId);
  expect(days).toHaveLength(2);
  expect(days.every((d) => d <= CLOSED_TASK_GRACE_DAYS)).toBe(true);
});

test('a link issued later for a closed task ends within the grace counted from the close, not from its issue', async () => {
  const t = taskOf('xong');
  await acts.recordTask(t.record);
  await acts.recordTask(closed(t.record, 'done'));
  // The task closed ten days ago.
  await pool.query(`UPDATE link_closures SET closed_at = now() - interval '10 days' WHERE task_workflow_id = $1`, [
    t.record.workflowId,
  ]);
  await deps.links.issue({
    taskWorkflowId: t.record.workflowId,
    recipient: 'vanthu@snv.example.vn',
    purposeKey: `${t.record.workflowId}:digest-later`,
    expiresAt: new Date(Date.now() + 400 * DAY),
  });
  // Recorded again (a reindex, a retried activity): the close keeps its first date.
  await acts.recordTask(closed(t.record, 'done', 3));
  expect(await linkDays(t.record.workflowId)).toEqual([CLOSED_TASK_GRACE_DAYS - 10]);
});

test('a link being issued while the task closes is cut back too', async () => {
  const t = taskOf('cung-luc');
  await acts.recordTask(t.record);
  let closing: Promise<void> | undefined;
  await inTransaction(pool, async (c) => {
    await deps.links.issue(
      {
        taskWorkflowId: t.record.workflowId,
        recipient: 'vanthu@snv.example.vn',
        purposeKey: `${t.record.workflowId}:new-link`,
        expiresAt: new Date(Date.now() + 400 * DAY),
      },
      c,
    );
    // The close comes in before the link's transaction commits: it waits for it, or goes past it.
    const close = acts.recordTask(closed(t.record, 'cancelled'));
    closing = close;
    const waiting = eventually('the close waiting for the link being issued', async () => {
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`);
      return rows[0].n > 0;
    });
    await Promise.race([close, waiting.catch(() => undefined)]);
  });
  await closing;
  expect(await linkDays(t.record.workflowId)).toEqual([CLOSED_TASK_GRACE_DAYS]);
});
