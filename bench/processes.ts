// The processes of a bench stack, read from /proc: which they are, the CPU they used and the
// memory they hold.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seconds, type BenchStack } from './parts';

/** Processes whose command line mentions `needle` (e.g. a stack's own data folder). */
export function pidsMentioning(needle: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(needle)) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system, in clock ticks of 1/100 s) a process used, with its reaped children. */
export function cpuSeconds(pid: number, withChildren = false): number {
  const f = procStat(pid);
  if (!f) return 0;
  const own = Number(f[11]) + Number(f[12]);
  return (withChildren ? own + Number(f[13]) + Number(f[14]) : own) / 100;
}

/** Live children of a process. */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => Number(procStat(p)?.[1]) === pid);
}

/** PostgreSQL's main processes among a process's descendants (their backends are their children). */
function postmastersUnder(pid: number): number[] {
  const comm = (p: number): string | undefined => {
    try {
      return readFileSync(`/proc/${p}/comm`, 'utf8').trim();
    } catch {
      return undefined; // gone meanwhile
    }
  };
  return childrenOf(pid).flatMap((c) => (comm(c) === 'postgres' ? [c] : postmastersUnder(c)));
}

/** A process and its descendants, CPU seconds so far (the exited ones through their parents). */
function treeCpu(pid: number): number {
  return cpuSeconds(pid, true) + childrenOf(pid).reduce((n, c) => n + treeCpu(c), 0);
}

export interface CpuSplit {
  /** This process: the load generator, the SMTP sink, and any worker run inside it. */
  bench: number;
  /** `dondoc worker` and bare worker processes the measure started. */
  workers: number;
  /** The Temporal server: the dev server, or the full server with its own PostgreSQL. */
  temporal: number;
  /** Of `temporal`, the full server's own PostgreSQL (0 on the dev server, whose SQLite is inside it). */
  temporalDb: number;
  /** The read model's PostgreSQL. */
  postgres: number;
  /** Every other process on the machine (the other agents' tests on these shared cores). */
  others: number;
}

/** CPU seconds the whole machine has been busy (all cores, from /proc/stat). */
function machineBusy(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait.
  return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / 100;
}

/** CPU seconds spent since the call by this process, the given worker processes, the stack's Temporal server and PostgreSQL. */
export function cpuMeter(b: BenchStack, workerPids: () => number[] = () => []): () => CpuSplit {
  const temporal = b.serverPids();
  const temporalDb = temporal.flatMap(postmastersUnder);
  const postmaster = pidsMentioning(path.join(b.dataDir, 'postgres'));
  const read = (): CpuSplit => {
    const own = process.cpuUsage();
    const split = {
      bench: (own.user + own.system) / 1e6,
      workers: workerPids().reduce((n, p) => n + treeCpu(p), 0),
      temporal: temporal.reduce((n, p) => n + treeCpu(p), 0),
      temporalDb: temporalDb.reduce((n, p) => n + treeCpu(p), 0),
      postgres: postmaster.reduce((n, p) => n + treeCpu(p), 0),
    };
    return { ...split, others: machineBusy() };
  };
  const start = read();
  return () => {
    const now = read();
    const d = {
      bench: now.bench - start.bench,
      workers: now.workers - start.workers,
      temporal: now.temporal - start.temporal,
      temporalDb: now.temporalDb - start.temporalDb,
      postgres: now.postgres - start.postgres,
    };
    const machine = now.others - start.others;
    return { ...d, others: Math.max(0, machine - d.bench - d.workers - d.temporal - d.postgres) };
  };
}

export const cpuText = (c: CpuSplit, wallMs: number): string =>
  `CPU over ${seconds(wallMs)} s: workers ${c.workers.toFixed(1)} s, bench ${c.bench.toFixed(1)} s, Temporal server ${c.temporal.toFixed(1)} s${c.temporalDb ? ` (of which its PostgreSQL ${c.temporalDb.toFixed(1)} s)` : ''}, PostgreSQL ${c.postgres.toFixed(1)} s, other processes ${c.others.toFixed(1)} s (2 cores = ${((2 * wallMs) / 1000).toFixed(0)} s, ours ${Math.round((100 * (c.workers + c.bench + c.temporal + c.postgres)) / ((2 * wallMs) / 1000))} % busy)`;

function vmRssKiB(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory of a process and its descendants (threads share their process's), in KiB. */
export const treeRssKiB = (pid: number): number =>
  vmRssKiB(pid) + childrenOf(pid).reduce((n, c) => n + treeRssKiB(c), 0);
