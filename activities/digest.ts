// The daily digest: a unit with several tasks due within the reminder window gets one message
// listing them all, each with its own link, instead of a reminder per task. The first reminder
// of the day writes it; the others find its key and send nothing. Escalations never fold in.
import type { PoolClient } from 'pg';
import { vietnamCalendar } from '../domain/calendar';
import { renderEmail, type DigestItem } from '../domain/emails';
import type { LocalDate, OrgUnit } from '../domain/schemas';
import type { TaskRecord } from '../db/read-model';
import { inTransaction } from '../db/transaction';
import type { NotifyDeps } from './notify';
import { queueMessage, sendFromOutbox } from './outbox';

/** Tasks whose deadline is at most this many working days away share the digest. */
const WINDOW_WORKING_DAYS = 3;

export type DigestOutcome = 'sent' | 'already sent' | 'single';

export async function digestReminder(
  deps: NotifyDeps,
  unit: OrgUnit,
  recipient: string,
  today: LocalDate,
): Promise<DigestOutcome> {
  const calendar = vietnamCalendar();
  const until = calendar.workingDaysAfter(today, WINDOW_WORKING_DAYS);
  const { rows } = await deps.pool.query(
    `SELECT workflow_id, snapshot FROM tasks WHERE unit_code = $1 AND state IN ('open', 'returned') AND deadline BETWEEN $2 AND $3
      ORDER BY deadline, workflow_id LIMIT 200`,
    [unit.code, today, until],
  );
  if (rows.length < 2) return 'single';
  const key = `digest:${unit.code}:${today}:${recipient}`;
  await inTransaction(deps.pool, async (c: PoolClient) => {
    if ((await c.query('SELECT 1 FROM outbox WHERE key = $1', [key])).rowCount) return;
    const expiresAt = new Date(Date.now() + (deps.linkDays ?? 400) * 86_400_000);
    const items: DigestItem[] = [];
    for (const row of rows) {
      const task = row.snapshot as TaskRecord;
      const token = await deps.links.issue(
        { taskWorkflowId: row.workflow_id, recipient, purposeKey: `${key}:${row.workflow_id}`, expiresAt },
        c,
      );
      items.push({
        directive: task.directive,
        task: {
          title: task.spec.title,
          deadline: task.state.deadline,
          workingDaysLeft: calendar.workingDaysBetween(today, task.state.deadline),
        },
        link: `${deps.publicUrl}/t/${token}`,
      });
    }
    const mail = renderEmail(
      { kind: 'digest', unit: { code: unit.code, name: unit.name }, date: today, items },
      deps.lang,
    );
    await queueMessage(c, { key, purpose: 'digest', recipients: [recipient], ...mail });
  });
  return (await sendFromOutbox(deps, key)) ? 'sent' : 'already sent';
}
