// The daily digest, through the real notify activity, PostgreSQL and the SMTP sink: a unit with
// several tasks due in the same days gets one message listing them, each with its own link.
import type { Pool } from 'pg';
import { createNotify, type NotifyDeps } from '../../activities/notify';
import { localDateOf, vietnamCalendar } from '../../domain/calendar';
import type { NotifyInput } from '../../activities/types';
import { initialTaskState } from '../../workflows/task-state';
import { DIRECTIVE, leadSpec, taskInput } from '../workflows/fixtures';
import { startNotifyDeps, type RealNotifyDeps } from '../helpers/notify-deps';

const cal = vietnamCalendar();
const UNIT = {
  code: 'NB-STTTT',
  name: 'Sở Thông tin và Truyền thông',
  kind: 'department' as const,
  emails: ['vanthu@stttt.example.vn'],
  head: { name: 'Giám đốc', email: 'giamdoc@stttt.example.vn' },
  supervisorEmails: ['giamsat@ubnd.example.vn'],
  steeringEmails: [],
};
let started: RealNotifyDeps;
let pool: Pool;
let deps: NotifyDeps;

beforeAll(async () => {
  started = await startNotifyDeps([UNIT]);
  pool = started.deps.pool;
  deps = { ...started.deps, digest: true };
}, 60_000);
afterAll(async () => {
  await started?.stop();
});

/** A task of the unit in the read model, due `workingDays` from today. */
async function task(id: string, title: string, workingDays: number): Promise<NotifyInput> {
  const deadline = cal.workingDaysAfter(localDateOf(Date.now()), workingDays);
  const input = taskInput(deadline, leadSpec(UNIT.code, { title }));
  const workflowId = `task:${DIRECTIVE.number}:${UNIT.code}:${id}`;
  await deps.readModel.upsertTask({
    workflowId,
    directive: DIRECTIVE,
    spec: input.spec,
    cycle: '',
    // Reminders go to tasks whose assignment is out.
    state: { ...initialTaskState(input, Date.now()), assignedAt: Date.now() },
  });
  return {
    key: `${workflowId}:reminder:${deadline}:1`,
    kind: 'reminder',
    taskWorkflowId: workflowId,
    directive: DIRECTIVE,
    unit: UNIT.code,
    task: { title, deadline, role: 'lead' },
    daysBefore: workingDays,
  };
}

const mails = async () => (await pool.query(`SELECT subject, body_text, rcpt_to FROM mailbox ORDER BY id`)).rows;

test('several reminders due the same days reach the unit as one digest listing every task with its own link', async () => {
  const a = await task('a', 'Báo cáo kết quả tuyên truyền trên báo chí', 1);
  const b = await task('b', 'Báo cáo số tờ rơi đã phát hành', 3);
  const later = await task('c', 'Báo cáo tổng kết năm', 15);
  const notify = createNotify(deps);
  expect(await notify(a)).toEqual({ sent: [UNIT.emails[0]], skipped: [] });
  expect(await notify(b)).toEqual({ sent: [], skipped: [{ recipient: UNIT.emails[0], why: 'in digest' }] });
  const got = await mails();
  expect(got).toHaveLength(1);
  expect(got[0].body_text).toContain(a.task.title);
  expect(got[0].body_text).toContain(b.task.title);
  expect(got[0].body_text).not.toContain(later.task.title);
  const links = new Set(String(got[0].body_text).match(/\/t\/[A-Za-z0-9_-]{43}/g));
  expect(links.size).toBe(2);
  // Escalations always travel alone.
  const escalation = await notify({
    ...a,
    key: `${a.taskWorkflowId}:escalation:x:4`,
    kind: 'escalation',
    level: 1,
    target: 'head',
  });
  expect(escalation.sent).toEqual([UNIT.head.email]);
  expect(await mails()).toHaveLength(2);
});

test('with the digest turned off each reminder goes out on its own', async () => {
  await pool.query('DELETE FROM tasks; DELETE FROM mailbox');
  const a = await task('d', 'Báo cáo A', 1);
  const b = await task('e', 'Báo cáo B', 2);
  const notify = createNotify({ ...deps, digest: false });
  await notify(a);
  await notify(b);
  const got = await mails();
  expect(got.map((m) => m.body_text.includes('Báo cáo A') !== m.body_text.includes('Báo cáo B'))).toEqual([true, true]);
});
