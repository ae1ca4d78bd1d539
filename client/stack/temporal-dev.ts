// The Temporal dev server (with its Web UI) as a child process, persisted in a SQLite file.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { projectRoot } from '../../db/paths';
import { waitFor } from './wait';
import { privateFolder } from './data-dir';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

export interface TemporalDevOptions {
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  headless?: boolean;
  /** Dynamic config values for the server, `KEY=JSON` (e.g. `system.enableActivityEagerExecution=true`). */
  dynamicConfig?: string[];
}

export interface RunningProcess {
  address: string;
  stop(): Promise<void>;
}

export const temporalCliPath = (): string =>
  process.env.TEMPORAL_CLI_PATH ?? path.join(projectRoot(), '.tools', 'bin', 'temporal');

export { SEARCH_ATTRIBUTES };

export async function startTemporalDev(o: TemporalDevOptions): Promise<RunningProcess> {
  // The SQLite file holds every workflow's history (report texts, addresses): the owner's alone.
  privateFolder(o.dataDir);
  const log = openSync(path.join(o.dataDir, 'temporal.log'), 'a', 0o600);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(o.port),
    '--namespace',
    o.namespace,
    '--db-filename',
    path.join(o.dataDir, 'temporal.db'),
    // WAL and synchronous=normal: the default journal makes the dev server crawl.
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    'synchronous=normal',
    '--log-level',
    'warn',
    ...SEARCH_ATTRIBUTES.flatMap((a) => ['--search-attribute', a]),
    ...(o.dynamicConfig ?? []).flatMap((v) => ['--dynamic-config-value', v]),
    ...(o.headless ? ['--headless'] : ['--ui-port', String(o.uiPort), '--ui-ip', '127.0.0.1']),
  ];
  // The server makes its files (the database, its -wal and -shm) with the umask it starts with.
  const umask = process.umask(0o077);
  let child: ChildProcess;
  try {
    child = spawn(temporalCliPath(), args, { stdio: ['ignore', log, log], detached: false });
  } finally {
    process.umask(umask);
  }
  let exited = false;
  child.on('exit', () => (exited = true));
  const address = `127.0.0.1:${o.port}`;
  await waitFor(`the Temporal dev server on ${address}`, 60_000, async () => {
    if (exited) throw new Error(`the Temporal dev server exited; see ${path.join(o.dataDir, 'temporal.log')}`);
    const conn = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await conn.workflowService.getSystemInfo({});
    } finally {
      await conn.close();
    }
  });
  return {
    address,
    stop: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
