// A dondoc worker as its own process (`dondoc worker`), pointed at a bench stack, and its memory:
// VmRSS of the process (worker threads included, they share it) and of any child it starts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stopChild } from '../client/stack/temporal-dev';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
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

/** The variables of the bench's environment a worker process is given too, when set. */
const passOn = (...names: string[]): Record<string, string> =>
  Object.fromEntries(names.filter((k) => process.env[k]).map((k) => [k, process.env[k]!]));

/** Starts `dondoc worker` on the stack with the workflow code bundled ahead (WORKER_BUNDLE), as `npm run build` leaves it. */
export async function startWorkerProcess(
  b: BenchStack,
  env: Record<string, string> = {},
  logName = 'bench-worker.log',
): Promise<WorkerProcess> {
  const bundle = path.join(b.dataDir, 'workflow-bundle.js');
  writeFileSync(bundle, (await workflowBundle()).code);
  // Kept outside the stack's folder, which goes when the stack stops: a crash stays readable.
  const logFile = path.join(projectRoot(), 'test-results', logName);
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
        ...passOn('DIGEST_REMINDERS', 'SMTP_POOL_CONNECTIONS', 'WORKER_POLLERS'),
        // Where a worker's CPU goes: a V8 profile a process, written when it stops.
        ...(process.env.BENCH_CPU_PROFILE
          ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}` }
          : {}),
        ...env,
      },
    },
  );
  if (!child.pid) throw new Error('the worker process did not start');
  return watched(child, logFile, 'the worker process');
}

/** A started worker as the bench watches it: its memory, until it exits and the log it left is named. */
function watched(child: ChildProcess, logFile: string, name: string): WorkerProcess {
  let exited = false;
  child.on('exit', () => (exited = true));
  const pid = child.pid!;
  return {
    pid,
    logFile,
    rssMiB: () => {
      if (exited) throw new Error(`${name} exited; see ${logFile}`);
      return treeRssKiB(pid) / 1024;
    },
    stop: () => stopChild(child, 30_000),
  };
}

/** `n` dondoc worker processes on the stack (the setup's count), all on the same task queue. */
export async function startWorkerProcesses(b: BenchStack, n = b.setup.workers): Promise<WorkerGroup> {
  const all: WorkerProcess[] = [];
  for (let i = 0; i < n; i++) all.push(await startWorkerProcess(b, {}, `bench-worker-${i + 1}.log`));
  return group(all);
}

export interface WorkerGroup {
  pids: number[];
  rssMiB(): number;
  stop(): Promise<void>;
}

const group = (all: WorkerProcess[]): WorkerGroup => ({
  pids: all.map((w) => w.pid),
  rssMiB: () => all.reduce((n, w) => n + w.rssMiB(), 0),
  stop: async () => void (await Promise.all(all.map((w) => w.stop()))),
});

let bareBundle: Promise<string> | undefined;
/** The bare workflows bundled once per run. */
const bareWorkflowBundle = (): Promise<string> =>
  (bareBundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('./baseline-workflows'),
    logger: new DefaultLogger('ERROR'),
  }).then((b) => b.code));

/** Bare mails for P3's bare Temporal storm: how many, and the subject's tag. */
export interface BareMails {
  count: number;
  tag: string;
}

/** `n` bare worker processes (bench/bare-worker-main.ts) with the stack's tuning: the baselines' workers. */
export async function startBareWorkerProcesses(
  b: BenchStack,
  mails?: BareMails,
  n = b.setup.workers,
): Promise<WorkerGroup> {
  const bundle = path.join(b.dataDir, 'bare-bundle.js');
  writeFileSync(bundle, await bareWorkflowBundle());
  const all: WorkerProcess[] = [];
  for (let i = 0; i < n; i++) {
    const logFile = path.join(projectRoot(), 'test-results', `bench-bare-worker-${i + 1}.log`);
    const log = openSync(logFile, 'w');
    const child = spawn(process.execPath, [path.join(__dirname, 'bare-worker-main.js')], {
      stdio: ['ignore', 'pipe', log],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        BARE_ADDRESS: b.stack.temporalAddress,
        BARE_NAMESPACE: b.config.TEMPORAL_NAMESPACE,
        BARE_BUNDLE: bundle,
        WORKER_CACHE_SIZE: String(b.config.WORKER_CACHE_SIZE),
        WORKER_WORKFLOW_TASKS: String(b.config.WORKER_WORKFLOW_TASKS),
        WORKER_ACTIVITY_TASKS: String(b.config.WORKER_ACTIVITY_TASKS),
        WORKER_WORKFLOW_THREADS: String(b.config.WORKER_WORKFLOW_THREADS),
        ...(mails
          ? {
              BARE_MAILS: String(mails.count),
              BARE_MAIL_TAG: mails.tag,
              SMTP_URL: b.stack.smtpUrl,
              PUBLIC_URL: b.config.publicUrl,
              MAIL_FROM: b.config.MAIL_FROM,
              ...(process.env.SMTP_POOL_CONNECTIONS
                ? { BARE_SMTP_CONNECTIONS: process.env.SMTP_POOL_CONNECTIONS }
                : {}),
            }
          : {}),
      },
    });
    const worker = watched(child, logFile, 'a bare worker');
    // Polling once it says so: a baseline timed from before would count the worker's start.
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once('data', () => {
        // Whatever it writes later is drained, so a full pipe never stalls it.
        child.stdout!.resume();
        resolve();
      });
      child.once('exit', () => reject(new Error(`a bare worker exited at start; see ${logFile}`)));
    });
    all.push(worker);
  }
  return group(all);
}
