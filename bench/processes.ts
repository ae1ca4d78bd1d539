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

/** A process and its descendants, CPU seconds so far (the exited ones through their parents). */
function treeCpu(pid: number): number {
  return cpuSeconds(pid, true) + childrenOf(pid).reduce((n, c) => n + treeCpu(c), 0);
}

export interface CpuSplit {
  bench: number;
  temporal: number;
  postgres: number;
}

/** CPU seconds spent by this process (worker, client, SMTP sink), the dev server and PostgreSQL of a stack, since the call. */
export function cpuMeter(b: BenchStack): () => CpuSplit {
  const temporal = pidsMentioning(path.join(b.dataDir, 'temporal', 'temporal.db'));
  const postmaster = pidsMentioning(path.join(b.dataDir, 'postgres'));
  const read = (): CpuSplit => {
    const own = process.cpuUsage();
    return {
      bench: (own.user + own.system) / 1e6,
      temporal: temporal.reduce((n, p) => n + treeCpu(p), 0),
      postgres: postmaster.reduce((n, p) => n + treeCpu(p), 0),
    };
  };
  const start = read();
  return () => {
    const now = read();
    return {
      bench: now.bench - start.bench,
      temporal: now.temporal - start.temporal,
      postgres: now.postgres - start.postgres,
    };
  };
}

export const cpuText = (c: CpuSplit, wallMs: number): string =>
  `CPU over ${seconds(wallMs)} s: worker+bench ${c.bench.toFixed(1)} s, dev server ${c.temporal.toFixed(1)} s, PostgreSQL ${c.postgres.toFixed(1)} s (2 cores = ${((2 * wallMs) / 1000).toFixed(0)} s)`;

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
