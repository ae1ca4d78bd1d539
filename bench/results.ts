// One line per measure on stdout, and every result kept in test-results/bench.json with the
// machine it ran on. A run of one measure replaces only that measure's lines in the file.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../db/paths';
import { fmt, QUICK, say } from './parts';

export interface Result {
  /** P1 … P7. */
  id: string;
  /** What was measured, in a few words. */
  name: string;
  /** The unit of `dondoc` and `baseline`: s, ms, msg/s, MiB, events, … */
  unit: string;
  dondoc: number;
  baseline?: number;
  /** dondoc / baseline. */
  ratio?: number;
  /** The goal as written in the issue, e.g. "≤ 1.5×", "< 50 ms". */
  goal?: string;
  /** Whether the goal was met; absent for figures that only inform. */
  pass?: boolean;
  /** A few more figures for the line, e.g. "p50 1.2 s, p99 3.4 s". */
  note?: string;
  /** Anything else worth keeping: sizes, percentiles, CPU split, tuning. */
  details?: Record<string, unknown>;
}

/** test-results/bench.json, or BENCH_RESULTS. */
export const RESULTS_FILE = process.env.BENCH_RESULTS ?? path.join(projectRoot(), 'test-results', 'bench.json');

export function machine() {
  const cpu =
    readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpu,
    cores: os.cpus().length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

function line(r: Result): string {
  const v = (n: number) => `${fmt(n)} ${r.unit}`;
  const parts = [`${r.id} ${r.name}`, `dondoc ${v(r.dondoc)}`];
  if (r.baseline !== undefined) parts.push(`baseline ${v(r.baseline)}`);
  if (r.ratio !== undefined) parts.push(`ratio ${r.ratio.toFixed(2)}×`);
  if (r.note) parts.push(`(${r.note})`);
  const goal = r.goal ? `(goal ${r.goal})` : '';
  const verdict = r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS';
  return `${parts.join('  ')} ${goal} ${verdict}`.trimEnd();
}

/** The results of this run that have a goal, for the summary at its end. */
const judged: Result[] = [];

/** Prints the result's line and keeps it in test-results/bench.json. */
export function record(r: Result): void {
  say(line(r));
  keep(r);
  if (r.pass !== undefined) judged.push(r);
}

/** One line per goal this run judged, PASS or MISS, and how many missed. */
export function summary(): { missed: number } {
  if (!judged.length) return { missed: 0 };
  say('');
  say('Goals:');
  for (const r of judged) {
    const figure = Number.isNaN(r.dondoc)
      ? '–'
      : `${fmt(r.dondoc)} ${r.unit}${r.ratio !== undefined ? `, ${r.ratio.toFixed(2)}× the baseline` : ''}`;
    say(`  ${r.pass ? 'PASS' : 'MISS'}  ${r.id} ${r.name}: ${figure}${r.goal ? ` (goal ${r.goal})` : ''}`);
  }
  const missed = judged.filter((r) => !r.pass).length;
  say(`${judged.length - missed} of ${judged.length} goals met`);
  return { missed };
}

function keep(r: Result): void {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  const file = existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) : {};
  const kept: (Result & { at: string; quick: boolean })[] = (file.results ?? []).filter(
    (x: Result) => !(x.id === r.id && x.name === r.name),
  );
  kept.push({ ...r, at: new Date().toISOString(), quick: QUICK });
  kept.sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(RESULTS_FILE, JSON.stringify({ machine: machine(), results: kept }, null, 2));
}

/** A figure that only informs, with no goal of its own. */
export const inform = (r: Omit<Result, 'pass' | 'goal'>): void => record(r);

/** A measure that could not be taken (it stalled, or its setup failed): said as a MISS with why. */
export function failed(id: string, name: string, why: string, details: Record<string, unknown> = {}): void {
  say(`${id} ${name}  not measured: ${why}  MISS`);
  const r: Result = {
    id,
    name: `${name} (not measured)`,
    unit: '',
    dondoc: NaN,
    pass: false,
    details: { why, ...details },
  };
  keep(r);
  judged.push(r);
}
