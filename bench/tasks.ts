// Tasks whose reminder falls at a chosen instant. The dev server runs on the real clock, and a
// policy sends at a whole local hour on a working day, so a storm "now" cannot be had through a
// directive. These tasks are started straight on the task workflow with a policy whose send hour
// is an offset in hours from the deadline day's midnight (the directive's schema would refuse
// it; the workflow only adds it): one reminder on the day, at that instant, nothing after.
import { withoutNotices } from '../domain/announcements';
import { shippedAnnouncements } from '../domain/shipped-announcements';
import { atLocalTime, localDateOf, vietnamCalendar } from '../domain/calendar';
import { ChasePolicySchema, TaskSpecSchema } from '../domain/schemas';
import { taskWorkflowId } from '../workflows/messages';
import type { TaskInput } from '../workflows/types';
import { inParallel } from '../client/in-parallel';
import type { BenchStack } from './parts';

const HOUR_MS = 3_600_000;

export interface TimedTask {
  workflowId: string;
  unit: string;
  input: TaskInput;
}

/** A task for `unit` whose only reminder goes out at `remindAt` (epoch ms). */
export function timedTask(directiveNumber: string, unit: string, remindAt: number): TimedTask {
  const deadline = vietnamCalendar().nextWorkingDay(localDateOf(remindAt), true);
  const policy = {
    ...ChasePolicySchema.parse({ remindersBefore: [0], escalations: [], weeklyAfterLadder: false }),
    sendHour: (remindAt - atLocalTime(deadline, 0)) / HOUR_MS,
  };
  const spec = TaskSpecSchema.parse({
    unit,
    title: `Báo cáo nhanh tình hình triển khai của ${unit}`,
    deadline: { date: deadline },
    completion: 'report',
  });
  return {
    workflowId: taskWorkflowId(directiveNumber, unit),
    unit,
    input: {
      directive: {
        key: directiveNumber,
        number: directiveNumber,
        title: 'Đôn đốc báo cáo nhanh (đo hiệu năng)',
        issuer: 'UBND tỉnh Ninh Bình',
      },
      spec,
      cycle: '',
      deadline,
      rule: { date: deadline },
      policy,
      calendar: withoutNotices(shippedAnnouncements()),
    },
  };
}

/** Starts the tasks on dondoc's task queue, `concurrency` starts in flight. */
export async function startTimedTasks(b: BenchStack, tasks: TimedTask[], concurrency = 20): Promise<void> {
  await inParallel(tasks, concurrency, (t) =>
    b.client.workflow.start('taskWorkflow', {
      workflowId: t.workflowId,
      taskQueue: b.config.TEMPORAL_TASK_QUEUE,
      args: [t.input],
    }),
  );
}

/** How many of a directive number's tasks have their assignment queued (each task's first mail). */
export async function assignedCount(b: BenchStack, directiveNumber: string): Promise<number> {
  const { rows } = await b.stack.pool.query(
    `SELECT count(*)::int AS n FROM outbox WHERE directive_number = $1 AND purpose = 'assignment'`,
    [directiveNumber],
  );
  return rows[0].n;
}

/** Reminders of a directive number that reached the SMTP sink, with when each arrived (epoch ms). */
export async function remindersAtSink(b: BenchStack, directiveNumber: string): Promise<number[]> {
  const { rows } = await b.stack.pool.query(
    `SELECT (extract(epoch FROM m.received_at) * 1000)::float8 AS at
       FROM outbox o JOIN mailbox m ON m.message_id = o.message_id
      WHERE o.directive_number = $1 AND o.purpose = 'reminder'`,
    [directiveNumber],
  );
  return rows.map((r) => r.at as number);
}
