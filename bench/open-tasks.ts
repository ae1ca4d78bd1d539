// Many open tasks, the way an office makes them: directives of up to 2,000 units, launched one
// after another so that one waits queued behind the one being started and the fan-out never idles
// (P5, P7). A task counts as open once the read model has it.
import { performance } from 'node:perf_hooks';
import { launchDirective } from '../client/temporal';
import { benchDirective } from './p1-launch';
import { elapsed, seconds, type BenchStack } from './parts';

export const UNITS_PER_DIRECTIVE = 2000;

export async function openCount(b: BenchStack, numbers: string[]): Promise<number> {
  const { rows } = await b.stack.pool.query(
    `SELECT count(*)::int AS n FROM tasks WHERE directive_number = ANY($1) AND state = 'open'`,
    [numbers],
  );
  return rows[0].n;
}

export interface Opening {
  /** Directive numbers launched so far. */
  numbers: string[];
  launched: number;
  open: number;
  /** [seconds since start, open tasks], every poll. */
  timeline: [number, number][];
}

export interface OpenOptions {
  /** Stop launching after this long (ms since start); the launched ones are still waited for. */
  launchFor?: number;
  /** Stop waiting after this long (ms since start). */
  waitFor?: number;
  /** Called every poll (two seconds), with the time since start. */
  onPoll?: (o: Opening, ms: number) => Promise<void> | void;
}

/** Launches directives over `units` until `total` tasks are open, or the time given is up. */
export async function openTasks(
  b: BenchStack,
  units: string[],
  total: number,
  tag: string,
  o: OpenOptions = {},
): Promise<Opening> {
  const state: Opening = { numbers: [], launched: 0, open: 0, timeline: [] };
  const t0 = performance.now();
  while (state.open < total && elapsed(t0) < (o.waitFor ?? Infinity)) {
    state.open = await openCount(b, state.numbers);
    state.timeline.push([seconds(elapsed(t0)), state.open]);
    if (state.open >= total || (state.launched >= total && state.open >= state.launched)) break;
    if (
      state.launched < total &&
      state.launched - state.open < UNITS_PER_DIRECTIVE &&
      elapsed(t0) < (o.launchFor ?? Infinity)
    ) {
      const n = Math.min(UNITS_PER_DIRECTIVE, total - state.launched, units.length);
      const number = `${state.numbers.length + 1}/BENCH-${tag}`;
      await launchDirective(b.client, b.config, benchDirective(number, units.slice(0, n)), b.stack.pool);
      state.numbers.push(number);
      state.launched += n;
    }
    if (state.launched <= state.open && elapsed(t0) >= (o.launchFor ?? Infinity)) break;
    await o.onPoll?.(state, elapsed(t0));
    await new Promise((r) => setTimeout(r, 2_000));
  }
  state.open = await openCount(b, state.numbers);
  return state;
}
