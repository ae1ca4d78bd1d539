// How much a directive carries from one run of its workflow to the next, and the most it may.
import { type z } from 'zod';
import { reportingCycles } from './periods';
import { DirectiveSchema, type Directive } from './schemas';

/**
 * Temporal refuses a payload over 2 MB (the server's default blob limit). A directive's next run
 * receives the directive and its state: the progress of every task of every cycle. Past this
 * many bytes a directive could not continue as new, so it is refused at launch instead.
 */
export const CARRY_LIMIT_BYTES = 1_500_000;

const bytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * What a task adds to the state: its progress entry (keyed by its workflow id, which holds the
 * directive number, the unit and the cycle) with phase, deadline, times and indicator sums.
 */
const taskStateBytes = (d: Directive, unit: string, indicatorCodes: number) =>
  2 * (d.number.length + unit.length + 24) + 170 + indicatorCodes * 24;

/** The bytes a directive's workflow carries into its last run, estimated from its file. */
export function carriedBytes(d: Directive): number {
  const cycles = Math.max(1, reportingCycles(d.schedule).length);
  return bytes(d) + cycles * d.tasks.reduce((n, t) => n + taskStateBytes(d, t.unit, t.indicators.length), 0);
}

/** The directive schema with the limit of what one directive can carry: the launch's check. */
export const LaunchableDirectiveSchema = DirectiveSchema.superRefine((d, ctx) => {
  const carried = carriedBytes(d);
  if (carried <= CARRY_LIMIT_BYTES) return;
  const cycles = Math.max(1, reportingCycles(d.schedule).length);
  const most = Math.floor((d.tasks.length * CARRY_LIMIT_BYTES) / carried);
  ctx.addIssue({
    code: 'custom',
    path: ['tasks'],
    // For pages that say it in their own language.
    params: { tasks: d.tasks.length, most },
    message: `${d.tasks.length} tasks${cycles > 1 ? ` over ${cycles} cycles` : ''} are more than one directive can carry (about ${(carried / 1e6).toFixed(1)} MB of ${(CARRY_LIMIT_BYTES / 1e6).toFixed(1)} MB); split it into directives of at most ${most} tasks`,
  });
});
export type LaunchableDirective = z.infer<typeof LaunchableDirectiveSchema>;
