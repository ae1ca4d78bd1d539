// A supervisor asks a unit to explain (yêu cầu giải trình) a task that is overdue or was returned.
// The request is a task workflow of its own, chased like a task on the calendar the task carries
// and answered like a report, but not one of the directive's tasks: its row is kept apart and
// the directive never counts it. Started from the web pages and the CLI alike.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { Pool } from 'pg';
import { createVietnamCalendar, localDateOf, type HolidayAnnouncement } from '../domain/calendar';
import { explanationWorkflowId } from '../domain/ids';
import { ChasePolicySchema, type ChasePolicy, type LocalDate } from '../domain/schemas';
import { STATUS_LABELS, type TaskStatus } from '../domain/status';
import { explanationsAbout, upsertExplanation } from '../db/explanations';
import { createReadModel, type TaskRow } from '../db/read-model';
import { statusOfTaskRow, unstartedState } from '../db/task-rows';
import type { TaskInput } from '../workflows/types';
import { currentCalendar } from './temporal';

/** A reminder the working day before, the unit's head the working day after, nothing weekly; the answer closes it. */
export const EXPLANATION_POLICY: ChasePolicy = ChasePolicySchema.parse({
  remindersBefore: [1],
  escalations: [{ level: 1, afterWorkingDays: 1, to: 'head' }],
  weeklyAfterLadder: false,
  reviewReports: false,
});

/** Working days a unit has to explain, unless the supervisor gives a date. */
export const EXPLANATION_WORKING_DAYS = 2;

const OPEN = new Set(['assigning', 'open', 'returned']);

/** Only what went wrong is explained: a task overdue, returned for revision, or done late. */
const EXPLAINABLE: ReadonlySet<TaskStatus> = new Set(['overdue', 'returned', 'done_late']);

export class ExplanationRefused extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID_INPUT',
    message: string,
  ) {
    super(message);
  }
}

export interface AskExplanation {
  aboutTaskId: string;
  question: string;
  /** Default: two working days from today, on the task's own calendar. */
  deadline?: LocalDate;
  /** "Name <address>", as the audit and the workflow record a staff member. */
  askedBy: string;
}

/**
 * The days off the task counts on: the input of its current run (the first event of its
 * history); the office's current calendar when the task's history is gone.
 */
async function calendarOfTask(client: Client, pool: Pool, taskId: string): Promise<HolidayAnnouncement[]> {
  try {
    const history = await client.workflow.getHandle(taskId).fetchHistory();
    const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    if (payload) return defaultPayloadConverter.fromPayload<TaskInput>(payload).calendar;
  } catch {
    // A task closed long ago may be past the namespace's retention.
  }
  return currentCalendar(pool);
}

/** The workflow input of the n-th request for explanation about a task. */
export function explanationInput(
  row: TaskRow,
  o: { question: string; deadline: LocalDate; askedBy: string; calendar: HolidayAnnouncement[] },
): TaskInput {
  const { directive, spec } = row.snapshot;
  return {
    // An explanation is no news for a document exchange that sent the directive: no status packages.
    directive: { key: directive.key, number: directive.number, title: directive.title, issuer: directive.issuer },
    spec: {
      unit: row.unit_code,
      role: 'lead',
      title: `Giải trình: ${spec.title}`,
      body: o.question,
      deadline: { date: o.deadline },
      indicators: [],
      completion: 'report',
      cascade: false,
    },
    cycle: '',
    deadline: o.deadline,
    rule: { date: o.deadline },
    policy: EXPLANATION_POLICY,
    calendar: o.calendar,
    explanation: { about: row.workflow_id, askedBy: o.askedBy },
  };
}

export async function askExplanation(
  deps: { client: Client; pool: Pool; taskQueue: string },
  req: AskExplanation,
): Promise<{ workflowId: string; deadline: LocalDate }> {
  const row = await createReadModel(deps.pool).task(req.aboutTaskId);
  if (!row) throw new ExplanationRefused('NOT_FOUND', `id: no task ${req.aboutTaskId}`);
  const question = req.question.trim();
  if (question.length < 5) throw new ExplanationRefused('INVALID_INPUT', 'question: say what is to be explained');
  if (question.length > 5000) throw new ExplanationRefused('INVALID_INPUT', 'question: at most 5,000 characters');
  const now = Date.now();
  const status = statusOfTaskRow(row, now);
  if (!EXPLAINABLE.has(status))
    throw new ExplanationRefused(
      'CONFLICT',
      `id: the task is ${STATUS_LABELS[status].en.toLowerCase()}; only an overdue, returned or late task is explained`,
    );
  const calendar = await calendarOfTask(deps.client, deps.pool, row.workflow_id);
  const cal = createVietnamCalendar(calendar);
  const today = localDateOf(now);
  const deadline = req.deadline
    ? cal.nextWorkingDay(req.deadline, true)
    : cal.workingDaysAfter(today, EXPLANATION_WORKING_DAYS);
  if (deadline <= today) throw new ExplanationRefused('INVALID_INPUT', 'deadline: give a day after today');
  // The same request again (a double click, a command run twice) while the last one is open is that one.
  const asked = (await explanationsAbout(deps.pool, [row.workflow_id])).get(row.workflow_id) ?? [];
  const last = asked.at(-1);
  if (last && last.question === question && OPEN.has(last.state))
    return { workflowId: last.workflow_id, deadline: last.deadline };
  const workflowId = explanationWorkflowId(row.workflow_id, asked.length + 1);
  const input = explanationInput(row, { question, deadline, askedBy: req.askedBy, calendar });
  // Its row is there before its first mail goes: the mail quotes the question from it, and the
  // pages show the request being sent. The workflow's own writes (version 1 on) replace it.
  await upsertExplanation(deps.pool, {
    workflowId,
    directive: input.directive,
    spec: input.spec,
    cycle: '',
    state: unstartedState(deadline),
    explanation: input.explanation,
  });
  try {
    await deps.client.workflow.start('taskWorkflow', {
      workflowId,
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    await deps.pool.query('DELETE FROM explanations WHERE workflow_id = $1 AND version = 0', [workflowId]);
    // Another request about the task started a moment ago, under the same running number.
    if (err instanceof WorkflowExecutionAlreadyStartedError)
      throw new ExplanationRefused('CONFLICT', 'id: another explanation of this task was asked a moment ago');
    throw err;
  }
  return { workflowId, deadline };
}
