/** Retries a probe until it succeeds or the time is up; the last error explains the failure. */
export async function waitFor(what: string, timeoutMs: number, probe: () => Promise<unknown>): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      await probe();
      return;
    } catch (err) {
      last = err;
      if (String((err as Error)?.message).includes('exited')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`gave up waiting for ${what}: ${(last as Error)?.message ?? last}`);
}
