// Right after a launch the directive's workflow has not yet written its tasks' rows: the matrix
// shows each of them as being assigned (đang giao), due as the launch plans it, never an empty page.
import { localDateAt } from '../../../domain/format';
import { planContext, planTask } from '../../../domain/plan';
import type { WorkingCalendar } from '../../../domain/calendar';
import type { Directive } from '../../../domain/schemas';
import type { TaskRow } from '../../../db/read-model';

export function plannedRows(
  d: { state: string; spec: Directive; launched_at: Date },
  rows: readonly TaskRow[],
  calendar: WorkingCalendar,
): { unit: string; deadline?: string }[] {
  if (d.state !== 'running') return [];
  const written = new Set(rows.map((r) => r.unit_code));
  const waiting = d.spec.tasks.filter((t) => !written.has(t.unit));
  // A periodic directive's deadlines come with each cycle: until then there is none to show.
  if (d.spec.schedule.kind !== 'once') return waiting.map((t) => ({ unit: t.unit }));
  const ctx = planContext(d.spec.number, d.spec.tasks, d.spec.policy, calendar);
  const launched = localDateAt(new Date(d.launched_at).getTime());
  return waiting.map((t) => ({ unit: t.unit, deadline: planTask(ctx, t, launched, '').deadline }));
}
