// A dondoc worker as its own process (`dondoc worker`), pointed at a bench stack, and its memory:
// VmRSS of the process (worker threads included, they share it) and of any child it starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stopChild } from '../client/stack/temporal-dev';
import { projectRoot } from '../db/paths';
import { workflowBundle, type BenchStack } from './parts';
import { treeRssKiB } from './processes';

export interface WorkerProcess {
  pid: number;
  /** Where its output goes. */
  logFile: string;
  /** Resident memory of the worker and its children, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Starts `dondoc worker` on the stack with the workflow code bundled ahead (WORKER_BUNDLE), as `npm run build` leaves it. */
export async function startWorkerProcess(b: BenchStack, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const bundle = path.join(b.dataDir, 'workflow-bundle.js');
  writeFileSync(bundle, (await workflowBundle()).code);
  // Kept outside the stack's folder, which goes when the stack stops: a crash stays readable.
  const logFile = path.join(projectRoot(), 'test-results', 'bench-worker.log');
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'client', 'cli', 'main.js'), 'worker'],
    {
      stdio: ['ignore', log, log],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: b.dataDir,
        TEMPORAL_ADDRESS: b.stack.temporalAddress,
        TEMPORAL_NAMESPACE: b.config.TEMPORAL_NAMESPACE,
        TEMPORAL_TASK_QUEUE: b.config.TEMPORAL_TASK_QUEUE,
        DATABASE_URL: b.stack.databaseUrl,
        SMTP_URL: b.stack.smtpUrl,
        PUBLIC_URL: b.config.publicUrl,
        LOG_LEVEL: 'warn',
        WORKER_CACHE_SIZE: String(b.config.WORKER_CACHE_SIZE),
        WORKER_WORKFLOW_TASKS: String(b.config.WORKER_WORKFLOW_TASKS),
        WORKER_ACTIVITY_TASKS: String(b.config.WORKER_ACTIVITY_TASKS),
        WORKER_WORKFLOW_THREADS: String(b.config.WORKER_WORKFLOW_THREADS),
        WORKER_BUNDLE: bundle,
        ...env,
      },
    },
  );
  let exited = false;
  child.on('exit', () => (exited = true));
  if (!child.pid) throw new Error('the worker process did not start');
  const pid = child.pid;
  return {
    pid,
    logFile,
    rssMiB: () => {
      if (exited) throw new Error(`the worker process exited; see ${logFile}`);
      return treeRssKiB(pid) / 1024;
    },
    stop: () => stopChild(child, 30_000),
  };
}
