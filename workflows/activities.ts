// The one place workflows reach activities: types only, explicit timeouts and retries.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

export const acts = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', nonRetryableErrorTypes: ['INVALID_INPUT', 'PERMANENT_MAIL_FAILURE'] },
});
