// The one place workflows reach activities: types only, explicit timeouts and retries.
import { proxyActivities, proxyLocalActivities, type RetryPolicy } from '@temporalio/workflow';
import type { Activities } from '../activities';

const retry: RetryPolicy = {
  initialInterval: '2 seconds',
  backoffCoefficient: 2,
  maximumInterval: '5 minutes',
  nonRetryableErrorTypes: ['INVALID_INPUT', 'PERMANENT_MAIL_FAILURE', 'PERMANENT_EDXML_FAILURE'],
};

export const acts = proxyActivities<Activities>({
  // SMTP and PostgreSQL answer in well under a second; the mailer's own timeouts are shorter
  // than this, so an attempt that outlives it belongs to a worker that died.
  startToCloseTimeout: '30 seconds',
  retry,
});

/**
 * A batch of tasks planned and started in one activity: up to 500 starts may take minutes on a
 * busy server, and the heartbeat after each start tells a worker that died within half a minute.
 */
export const taskStarts = proxyActivities<Pick<Activities, 'startTasks'>>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '30 seconds',
  retry,
});

/**
 * The read-model write an update answers after, run in the worker that holds the workflow: no
 * round trip through the server, so a department's submission is on the board as soon as it is
 * accepted. The write is an idempotent upsert by version, safe to repeat.
 */
export const localActs = proxyLocalActivities<Pick<Activities, 'recordTask'>>({
  startToCloseTimeout: '10 seconds',
  // Beyond this the SDK waits for the next attempt on a durable timer, as a database outage needs.
  localRetryThreshold: '10 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['INVALID_INPUT'],
  },
});

/**
 * A task's mails (assignment, reminders, escalations, receipts), run in the worker that holds the
 * task, in the workflow task its timer or update wakes: no activity task through the server's
 * matching and one workflow task fewer a mail, which is what bounds a reminder storm. The outbox
 * keys every message, so a repeat after a lost workflow task never sends it twice.
 */
export const localMail = proxyLocalActivities<Pick<Activities, 'notify'>>({
  // The mailer's own timeouts are shorter; an attempt that outlives this belongs to a stuck relay.
  startToCloseTimeout: '30 seconds',
  // A relay that stays down is waited out on durable timers, not inside one workflow task.
  localRetryThreshold: '10 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
    nonRetryableErrorTypes: ['INVALID_INPUT', 'PERMANENT_MAIL_FAILURE'],
  },
});
