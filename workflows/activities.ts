// The one place workflows reach activities: types only, explicit timeouts and retries.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

export const acts = proxyActivities<Activities>({
  // SMTP and PostgreSQL answer in well under a second; the mailer's own timeouts are shorter
  // than this, so an attempt that outlives it belongs to a worker that died.
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['INVALID_INPUT', 'PERMANENT_MAIL_FAILURE'] },
});
