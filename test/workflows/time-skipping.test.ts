// The time-skipping test server is what makes month-long chases testable in seconds.
import { createTimeSkippingEnv } from '../helpers/temporal';

test('the time-skipping server moves 30 days in a few seconds', async () => {
  const env = await createTimeSkippingEnv();
  try {
    const before = await env.currentTimeMs();
    const started = Date.now();
    await env.sleep('30 days');
    const after = await env.currentTimeMs();
    expect(after - before).toBeGreaterThanOrEqual(30 * 24 * 3_600_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  } finally {
    await env.teardown();
  }
}, 60_000);
