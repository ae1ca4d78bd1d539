import { rmSync } from 'node:fs';

export default async function teardown(): Promise<void> {
  const run = (globalThis as { __dondocRun?: { dir: string; running: { stop(): Promise<void> }[] } }).__dondocRun;
  if (!run) return;
  await Promise.all(run.running.map((r) => r.stop().catch(() => undefined)));
  rmSync(run.dir, { recursive: true, force: true });
}
